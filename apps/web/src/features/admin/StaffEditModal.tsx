import { StaffUpdate } from '@fairdesk/contract';
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { notifyDone } from '../../lib/notify.ts';
import type { Staff, Team } from '../../lib/types.ts';
import { changed, useSchemaForm } from './forms.ts';
import { ROLES, roleLabel, useUpdateStaff } from './useStaffAdmin.ts';

/** Name, role and teams of one person; only what changed is sent. */
export function StaffEditModal({
  person,
  teams,
  onClose,
}: {
  person: Staff;
  teams: Team[];
  onClose: () => void;
}) {
  const before = { name: person.name, role: person.role as string, team_ids: person.teams.map((t) => t.id) };
  const form = useSchemaForm(before);
  const update = useUpdateStaff(
    (s) =>
      s.role !== person.role ? `${s.name} is now ${roleLabel(s.role).toLowerCase()}` : `${s.name} saved`,
    onClose,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const diff = changed(before, { ...form.values, name: form.values.name.trim() });
    if (Object.keys(diff).length === 0) {
      notifyDone('Nothing to change');
      onClose();
      return;
    }
    const patch = form.check(StaffUpdate, diff);
    if (patch) update.mutate({ id: person.id, patch }, { onError: form.fromServer });
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      title={`Edit ${person.name}`}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label="Name" required data-autofocus {...form.text('name')} />
          <TextInput
            label="Email"
            value={person.email}
            readOnly
            description="People change their own address."
          />
          <Select
            label="Role"
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
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
