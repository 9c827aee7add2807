import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, errorMessage } from '../../lib/api.ts';
import type { CurrentUser } from '../../lib/types.ts';
import { prefetchChecks, withChecks } from './checks.ts';

/** Email and password: works only in the demo workspace; real customers use the emailed link. */
export function PasswordForm({ onDone }: { onDone: () => void }) {
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const signIn = useMutation({
    mutationFn: () =>
      api<{ user: CurrentUser }>('/portal/sessions', {
        method: 'POST',
        body: { email: email.trim(), password },
      }),
    onSuccess: (session) => {
      qc.clear();
      qc.setQueryData(['me'], session.user);
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void withChecks(({ emailError }) => {
      const next = {
        email: emailError(email) ?? undefined,
        password: password ? undefined : 'Enter your password',
      };
      setErrors(next);
      if (!next.email && !next.password) signIn.mutate();
    });
  };
  return (
    <form onSubmit={submit} onFocus={prefetchChecks} noValidate aria-label="Sign in with a password">
      <Stack gap="md">
        {signIn.isError && (
          <Alert color="red" role="alert" title="You are not signed in">
            {errorMessage(signIn.error)}
          </Alert>
        )}
        <TextInput
          label="Email address"
          type="email"
          autoComplete="username"
          inputMode="email"
          size="md"
          required
          value={email}
          error={errors.email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <TextInput
          type="password"
          label="Password"
          autoComplete="current-password"
          size="md"
          required
          value={password}
          error={errors.password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit" size="md" loading={signIn.isPending} fullWidth>
          Sign in
        </Button>
        <Text size="sm" c="dimmed">
          Passwords work in the demo only. Try <b>customer@fairdesk.example</b> with <b>fairdesk</b>.
        </Text>
      </Stack>
    </form>
  );
}
