import { ImapSettingsInput, MailboxCreate, MailboxUpdate } from '@fairdesk/contract';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { notifyDone } from '../../lib/notify.ts';
import type { Team } from '../../lib/types.ts';
import { changed, serverFieldErrors, useSchemaForm } from '../admin/forms.ts';
import { explain } from '../admin/words.ts';
import { ImapFields, type ImapValues } from './ImapFields.tsx';
import { type Mailbox, useSaveMailbox } from './useEmailAdmin.ts';
import { MODE_LABEL } from './words.ts';

const MODES = (Object.keys(MODE_LABEL) as Mailbox['mode'][]).map((value) => ({
  value,
  label: MODE_LABEL[value],
}));

/** Adds a mailbox, or changes its name, how mail comes in and the team it routes to. */
export function MailboxFormModal({
  mailbox,
  teams,
  onClose,
}: {
  mailbox: Mailbox | null;
  teams: Team[];
  onClose: () => void;
}) {
  const before = {
    address: mailbox?.address ?? '',
    name: mailbox?.name ?? '',
    mode: mailbox?.mode ?? 'smtp',
    team_id: mailbox?.team_id ?? null,
  };
  const form = useSchemaForm<{ address: string; name: string; mode: string; team_id: string | null }>(before);
  const saved = mailbox?.imap ?? null;
  const imapBefore: ImapValues = {
    host: saved?.host ?? '',
    port: saved?.port ?? 993,
    security: saved?.security ?? 'tls',
    username: saved?.username ?? '',
    password: '',
    folder: saved?.folder ?? 'INBOX',
    poll_seconds: saved?.poll_seconds ?? 60,
  };
  const imapForm = useSchemaForm<ImapValues>(imapBefore);
  const save = useSaveMailbox(onClose);
  // A refusal that belongs to no field (the address is taken, the team is gone) is said in the form.
  const [refused, setRefused] = useState<string | null>(null);
  const failed = (err: unknown) => {
    form.fromServer(err);
    const fields = serverFieldErrors(err);
    // The IMAP block's own fields are checked in the browser; a server refusal of one is said here.
    setRefused(Object.keys(fields).length ? (fields.imap ?? null) : explain(err));
  };
  const teamOptions = teams.map((t) => ({ value: t.id, label: t.name }));
  if (form.values.team_id && !teams.some((t) => t.id === form.values.team_id))
    teamOptions.push({ value: form.values.team_id, label: 'A team that no longer exists' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRefused(null);
    const values = { ...form.values, address: form.values.address.trim(), name: form.values.name.trim() };
    // The IMAP block goes along when the mailbox is (or becomes) IMAP and it is new or changed.
    const imapChanged = !saved || Object.keys(changed(imapBefore, imapForm.values)).length > 0;
    let imap: ImapSettingsInput | undefined;
    if (values.mode === 'imap' && imapChanged) {
      const { password, ...rest } = imapForm.values;
      const schema = saved?.password_set ? ImapSettingsInput : ImapSettingsInput.required({ password: true });
      const checked = imapForm.check(schema, { ...rest, password: password || undefined });
      if (!checked) {
        if (!mailbox) form.check(MailboxCreate, { ...values, mode: 'smtp' }); // the other fields' problems too
        return;
      }
      imap = checked;
    }
    if (!mailbox) {
      const body = form.check(MailboxCreate, { ...values, imap });
      if (body) save.mutate({ id: null, body }, { onError: failed });
      return;
    }
    const { address: _, ...fields } = changed(before, values);
    const diff = imap ? { ...fields, imap } : fields;
    if (Object.keys(diff).length === 0) {
      notifyDone('Nothing to change');
      onClose();
      return;
    }
    const body = form.check(MailboxUpdate, diff);
    if (body) save.mutate({ id: mailbox.id, body }, { onError: failed });
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      title={mailbox ? `Edit the mailbox ${mailbox.address}` : 'Add a mailbox'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {mailbox ? (
            <Text size="sm">
              Address: <strong>{mailbox.address}</strong>{' '}
              <Text span size="sm" c="dimmed">
                (to use another address, add a new mailbox)
              </Text>
            </Text>
          ) : (
            <TextInput
              label="Address"
              description="Mail sent to this address becomes a case in this workspace."
              placeholder="support@example.com"
              type="email"
              required
              data-autofocus
              autoComplete="off"
              {...form.text('address')}
            />
          )}
          <TextInput
            label="Name"
            description="Shown to staff, for example “Support” or “Billing”."
            data-autofocus={mailbox ? true : undefined}
            {...form.text('name')}
          />
          <Select
            label="Inbound mode"
            description="How mail reaches Fairdesk: pointed at its SMTP server, or fetched from an IMAP mailbox."
            data={MODES}
            value={form.values.mode}
            onChange={(v) => v && form.set('mode', v)}
            allowDeselect={false}
            error={form.errors.mode || undefined}
          />
          {form.values.mode === 'imap' && (
            <ImapFields
              form={imapForm}
              passwordSaved={Boolean(saved?.password_set)}
              mailboxId={mailbox?.id ?? null}
            />
          )}
          <Select
            label="Team to route to"
            description="New cases from this mailbox go to this team’s queue."
            placeholder="No team (all open cases)"
            data={teamOptions}
            value={form.values.team_id}
            onChange={(v) => form.set('team_id', v)}
            clearable
            searchable
            nothingFoundMessage="No team by that name"
            error={form.errors.team_id || undefined}
          />
          {(form.errors[''] || refused) && (
            <Alert color="red" title="Not saved">
              {form.errors[''] || refused}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {mailbox ? 'Save' : 'Add mailbox'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
