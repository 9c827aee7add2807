import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, errorMessage } from '../../lib/api.ts';

type Props = {
  endpoint: '/sessions' | '/portal/sessions';
  title: string;
  hint?: React.ReactNode;
  onDone: () => void;
};

/** Email and password sign-in, shared by the console and the demo portal. */
export function SignInForm({ endpoint, title, hint, onDone }: Props) {
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => api(endpoint, { method: 'POST', body: { email, password } }),
    onSuccess: async () => {
      await qc.resetQueries();
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };
  return (
    <Paper withBorder shadow="sm" p="xl" radius="lg" w={400} maw="100%">
      <form onSubmit={submit} aria-label={title}>
        <Stack>
          <Title order={2} size="h3">
            {title}
          </Title>
          {signIn.isError && (
            <Alert color="red" role="alert">
              {errorMessage(signIn.error)}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            Sign in
          </Button>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
