import { Center, Loader } from '@mantine/core';

export const Loading = ({ label, fullPage = false }: { label: string; fullPage?: boolean }) => (
  <Center h={fullPage ? '100vh' : '40vh'}>
    <Loader aria-label={label} />
  </Center>
);
