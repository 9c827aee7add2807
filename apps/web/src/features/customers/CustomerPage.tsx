import { Text } from '@mantine/core';

export function CustomerPage() {
  return <Text>Customer</Text>;
}
