import { Alert, Button, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconKey, IconMail } from '@tabler/icons-react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { MagicLinkForm } from '../features/portal/MagicLinkForm.tsx';
import { PasswordForm } from '../features/portal/PasswordForm.tsx';
import { useRedeemLink } from '../features/portal/useRedeemLink.ts';
import { errorMessage } from '../lib/api.ts';
import { notifyDone } from '../lib/notify.ts';
import type { CurrentUser } from '../lib/types.ts';
import { Loading } from './Loading.tsx';
import { PortalFrame } from './PortalFrame.tsx';
import { useTitle } from './useTitle.ts';

/** Sign in by emailed link (and, in the demo, by password); a link from the email lands here with ?token=. */
export function SignInPage({ me }: { me: CurrentUser | null }) {
  useTitle('Sign in');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const token = params.get('token');
  const from = (useLocation().state as { from?: string } | null)?.from;
  const done = () => {
    notifyDone('You are signed in');
    navigate(from && !from.startsWith('/sign-in') ? from : '/', { replace: true });
  };
  const redeem = useRedeemLink(token, done);
  if (me?.kind === 'customer' && !token) return <Navigate to="/" replace />;
  return (
    <PortalFrame workspace={null}>
      <Stack maw={440} mx="auto" gap="lg" mt={{ base: 0, sm: 'xl' }}>
        <div>
          <Title order={2}>Sign in to follow your cases</Title>
          <Text c="dimmed" mt={4}>
            See what you asked us, read our answers and reply.
          </Text>
        </div>
        {me?.kind === 'staff' && (
          <Alert color="blue" title="You are signed in as staff">
            The portal is for customers. Use <a href="/">the console</a>, or sign in here as a customer.
          </Alert>
        )}
        {token && redeem.isPending && <Loading label="Signing you in" />}
        {token && redeem.isError && (
          <Alert color="red" title="That sign-in link did not work" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{errorMessage(redeem.error)} Links work once and for a short while; ask for a new one below.</Text>
              <Button variant="white" color="red" size="xs" onClick={() => setParams({}, { replace: true })}>
                Dismiss
              </Button>
            </Stack>
          </Alert>
        )}
        {!(token && redeem.isPending) && (
          <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} shadow="xs">
            <Tabs defaultValue="link" keepMounted={false}>
              <Tabs.List grow mb="lg" aria-label="How to sign in">
                <Tabs.Tab value="link" leftSection={<IconMail size={18} />} py="md">
                  Email link
                </Tabs.Tab>
                <Tabs.Tab value="password" leftSection={<IconKey size={18} />} py="md">
                  Password (demo)
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="link">
                <MagicLinkForm />
              </Tabs.Panel>
              <Tabs.Panel value="password">
                <PasswordForm onDone={done} />
              </Tabs.Panel>
            </Tabs>
          </Paper>
        )}
      </Stack>
    </PortalFrame>
  );
}
