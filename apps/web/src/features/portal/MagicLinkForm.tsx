import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../lib/api.ts';
import { notifyDone, notifyError } from '../../lib/notify.ts';
import { prefetchChecks, withChecks } from './checks.ts';

const SENT = 'If that address is known, a link is on its way; check your inbox.';

/** Asks for a one-time sign-in link. The answer is the same whether or not the address is known. */
export function MagicLinkForm() {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (address: string) => api('/portal/magic-links', { method: 'POST', body: { email: address } }),
    onSuccess: () => notifyDone(SENT),
    onError: (err) => notifyError(err, 'The link was not sent'),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void withChecks(({ emailError }) => {
      const problem = emailError(email);
      setError(problem);
      if (!problem) send.mutate(email.trim());
    });
  };
  if (send.isSuccess)
    return (
      <Stack gap="md">
        <Alert color="teal" icon={<IconMailCheck size={20} />} title="Check your inbox" role="status">
          {SENT} The link works once and for a short while.
        </Alert>
        <Button variant="default" size="md" onClick={() => send.reset()}>
          Use another address
        </Button>
      </Stack>
    );
  return (
    <form onSubmit={submit} onFocus={prefetchChecks} noValidate aria-label="Email me a sign-in link">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          No password needed: we email you a link that signs you in.
        </Text>
        <TextInput
          label="Email address"
          type="email"
          autoComplete="email"
          inputMode="email"
          size="md"
          required
          value={email}
          error={error}
          onChange={(e) => {
            setEmail(e.currentTarget.value);
            setError(null);
          }}
        />
        <Button type="submit" size="md" loading={send.isPending} fullWidth>
          Email me a sign-in link
        </Button>
      </Stack>
    </form>
  );
}
