import { Alert, Button, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { IconKey, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
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
  const [method, setMethod] = useState<'link' | 'password'>('link');
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
              <Text size="sm">{errorMessage(redeem.error)}</Text>
              <Text size="sm">Each link works once and for a short while: ask for a new one below.</Text>
              <Button variant="white" color="red" size="sm" onClick={() => setParams({}, { replace: true })}>
                Dismiss
              </Button>
            </Stack>
          </Alert>
        )}
        {!(token && redeem.isPending) && (
          <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} shadow="xs">
            <Stack gap="lg">
              <Title order={3} size="h4">
                {method === 'link' ? 'Sign in with an email link' : 'Sign in with a password'}
              </Title>
              {method === 'link' ? <MagicLinkForm /> : <PasswordForm onDone={done} />}
              <Divider label="or" labelPosition="center" />
              <Button
                variant="default"
                size="md"
                leftSection={method === 'link' ? <IconKey size={18} /> : <IconMail size={18} />}
                onClick={() => setMethod(method === 'link' ? 'password' : 'link')}
              >
                {method === 'link' ? 'Use a password (demo)' : 'Email me a link instead'}
              </Button>
            </Stack>
          </Paper>
        )}
      </Stack>
    </PortalFrame>
  );
}
