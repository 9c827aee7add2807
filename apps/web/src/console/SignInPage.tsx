import { Box, Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import { useLocation, useNavigate } from 'react-router';
import { SignInForm } from '../features/session/SignInForm.tsx';

export function SignInPage() {
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/queues/mine';
  return (
    <Box mih="100vh" bg="gray.0">
      <Center mih="100vh" p="md">
        <Stack align="center" gap="lg">
          <Group gap="xs">
            <ThemeIcon size="lg" radius="md" aria-hidden>
              <IconLifebuoy size={20} />
            </ThemeIcon>
            <Title order={1} size="h2">
              Fairdesk
            </Title>
          </Group>
          <main>
            <SignInForm
              endpoint="/sessions"
              title="Sign in to the console"
              onDone={() => navigate(from.startsWith('/sign-in') ? '/queues/mine' : from, { replace: true })}
              hint={
                <>
                  Demo: <b>agent@fairdesk.example</b>, <b>supervisor@fairdesk.example</b> or{' '}
                  <b>admin@fairdesk.example</b> with the password <b>fairdesk</b>.
                </>
              }
            />
          </main>
          <Text size="xs" c="dimmed">
            Customers sign in at <a href="/portal/">the support portal</a>.
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
