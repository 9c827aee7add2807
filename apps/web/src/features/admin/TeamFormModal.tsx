import { TeamCreate, TeamUpdate } from '@fairdesk/contract';
import { Alert, Button, Group, Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { notifyDone } from '../../lib/notify.ts';
import type { Staff, Team } from '../../lib/types.ts';
import { changed, useSchemaForm } from './forms.ts';
import { useSaveTeam } from './useStaffAdmin.ts';

/** Creates a team, or renames one and replaces its members. */
export function TeamFormModal({
  team,
  staff,
  onClose,
}: {
  team: Team | null;
  staff: Staff[];
  onClose: () => void;
}) {
  const before = {
    name: team?.name ?? '',
    description: team?.description ?? '',
    member_ids: team?.member_ids ?? [],
  };
  const form = useSchemaForm(before);
  const save = useSaveTeam(onClose);
  const people = staff
    .filter((s) => s.active || form.values.member_ids.includes(s.id))
    .map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name} (deactivated)` }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const values = { ...form.values, name: form.values.name.trim() };
    if (!team) {
      const body = form.check(TeamCreate, values);
      if (body) save.mutate({ id: null, body }, { onError: form.fromServer });
      return;
    }
    const diff = changed(before, values);
    if (Object.keys(diff).length === 0) {
      notifyDone('Nothing to change');
      onClose();
      return;
    }
    const body = form.check(TeamUpdate, diff);
    if (body) save.mutate({ id: team.id, body }, { onError: form.fromServer });
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      title={team ? `Edit the team ${team.name}` : 'New team'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label="Name" required data-autofocus {...form.text('name')} />
          <Textarea label="Description" autosize minRows={2} maxRows={5} {...form.text('description')} />
          <MultiSelect
            label="Members"
            placeholder={form.values.member_ids.length ? undefined : 'Choose people'}
            data={people}
            value={form.values.member_ids}
            onChange={(v) => form.set('member_ids', v)}
            searchable
            clearable
            nothingFoundMessage="Nobody by that name"
            error={form.errors.member_ids || undefined}
          />
          {form.errors[''] && <Alert color="red">{form.errors['']}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {team ? 'Save' : 'Create team'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
