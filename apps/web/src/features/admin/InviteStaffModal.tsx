import { StaffCreate } from '@fairdesk/contract';
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import type { Team } from '../../lib/types.ts';
import { useSchemaForm } from './forms.ts';
import { ROLES, useInviteStaff } from './useStaffAdmin.ts';

const EMPTY = { name: '', email: '', role: 'agent', team_ids: [] as string[] };

/** A new colleague gets an email invitation to choose their own password; nobody types it for them. */
export function InviteStaffModal({
  opened,
  teams,
  onClose,
}: {
  opened: boolean;
  teams: Team[];
  onClose: () => void;
}) {
  const form = useSchemaForm(EMPTY);
  const close = () => {
    form.reset(EMPTY);
    onClose();
  };
  const invite = useInviteStaff(close);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(StaffCreate, { ...form.values, name: form.values.name.trim() });
    if (body) invite.mutate(body, { onError: form.fromServer });
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={close}
      title="Invite someone to the workspace"
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            They receive an email with a link to choose a password and sign in.
          </Text>
          <TextInput label="Name" required data-autofocus autoComplete="off" {...form.text('name')} />
          <TextInput label="Email" type="email" required autoComplete="off" {...form.text('email')} />
          <Select
            label="Role"
            description="Agents answer cases; supervisors and managers also oversee; admins manage the workspace."
            data={ROLES}
            value={form.values.role}
            onChange={(v) => v && form.set('role', v)}
            allowDeselect={false}
            error={form.errors.role || undefined}
          />
          <MultiSelect
            label="Teams"
            placeholder={form.values.team_ids.length ? undefined : 'No team'}
            data={teams.map((t) => ({ value: t.id, label: t.name }))}
            value={form.values.team_ids}
            onChange={(v) => form.set('team_ids', v)}
            searchable
            clearable
            error={form.errors.team_ids || undefined}
          />
          {form.errors[''] && <Alert color="red">{form.errors['']}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
