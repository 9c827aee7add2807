import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import type { useSchemaForm } from '../admin/forms.ts';
import { explain } from '../admin/words.ts';
import { type ImapTestResult, useTestImap } from './useEmailAdmin.ts';
import { SECURITY_LABEL } from './words.ts';

export type ImapValues = {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string;
  password: string;
  folder: string;
  poll_seconds: number;
};
type ImapForm = ReturnType<typeof useSchemaForm<ImapValues>>;

const SECURITY = (Object.keys(SECURITY_LABEL) as ImapValues['security'][]).map((value) => ({
  value,
  label: SECURITY_LABEL[value],
}));
const DEFAULT_PORT = { tls: 993, starttls: 143, none: 143 } as const;

/** The IMAP account Fairdesk fetches from; the password is write-only and kept when left empty. */
export function ImapFields({
  form,
  passwordSaved,
  mailboxId,
}: {
  form: ImapForm;
  passwordSaved: boolean;
  mailboxId: string | null;
}) {
  const test = useTestImap();
  const v = form.values;
  const runTest = () => {
    if (!mailboxId) return;
    const { password, ...rest } = v;
    test.mutate({ id: mailboxId, settings: password ? { ...rest, password } : rest });
  };
  const setSecurity = (s: ImapValues['security']) => {
    // Follow the usual port while the port is still one of the usual ones.
    if (Object.values(DEFAULT_PORT).includes(v.port as 993 | 143)) form.set('port', DEFAULT_PORT[s]);
    form.set('security', s);
  };
  return (
    <Fieldset legend="IMAP account" radius="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput
          label="Server"
          placeholder="imap.example.com"
          required
          autoComplete="off"
          style={{ gridColumn: 'span 2' }}
          {...form.text('host')}
        />
        <NumberInput
          label="Port"
          required
          min={1}
          max={65535}
          allowDecimal={false}
          value={v.port}
          onChange={(n) => form.set('port', typeof n === 'number' ? n : Number(n) || 0)}
          error={form.errors.port || undefined}
        />
      </SimpleGrid>
      <Select
        mt="md"
        label="Encryption"
        data={SECURITY}
        value={v.security}
        onChange={(s) => s && setSecurity(s as ImapValues['security'])}
        allowDeselect={false}
        error={form.errors.security || undefined}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="md">
        <TextInput label="User name" required autoComplete="off" {...form.text('username')} />
        <PasswordInput
          label="Password"
          required={!passwordSaved}
          autoComplete="new-password"
          description={
            passwordSaved ? 'Leave empty to keep the saved password.' : 'Stored encrypted; never shown again.'
          }
          {...form.text('password')}
        />
        <TextInput label="Folder" description="Usually INBOX." required {...form.text('folder')} />
        <NumberInput
          label="Check every (seconds)"
          description="At least 10; failures wait longer, up to an hour."
          min={10}
          max={86400}
          allowDecimal={false}
          value={v.poll_seconds}
          onChange={(n) => form.set('poll_seconds', typeof n === 'number' ? n : Number(n) || 0)}
          error={form.errors.poll_seconds || undefined}
        />
      </SimpleGrid>
      <Group mt="md" gap="sm" align="center">
        <Button
          variant="default"
          leftSection={<IconPlugConnected size={16} />}
          onClick={runTest}
          loading={test.isPending}
          disabled={!mailboxId}
        >
          Test connection
        </Button>
        {!mailboxId && (
          <Text size="sm" c="dimmed">
            Add the mailbox first; then test it from here or from the list.
          </Text>
        )}
      </Group>
      {test.isError && (
        <Alert mt="sm" color="red" title="The test could not run">
          {explain(test.error)}
        </Alert>
      )}
      {test.data && <ImapTestAnswer result={test.data} />}
    </Fieldset>
  );
}

export function ImapTestAnswer({ result }: { result: ImapTestResult }) {
  return (
    <Alert mt="sm" color={result.ok ? 'teal' : 'red'} title={result.ok ? 'Connected' : 'Could not connect'}>
      {result.message}
    </Alert>
  );
}
