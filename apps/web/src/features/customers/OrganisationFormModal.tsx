import { OrganisationCreate, OrganisationUpdate } from '@fairdesk/contract';
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { notifyDone } from '../../lib/notify.ts';
import type { Organisation } from '../../lib/types.ts';
import { changed, useSchemaForm } from '../admin/forms.ts';
import { useSaveOrganisation } from './useOrganisations.ts';

const wire = (v: { name: string; domain: string; notes: string }) => ({
  name: v.name.trim(),
  domain: v.domain.trim() || null,
  notes: v.notes,
});

/** Adds or edits an organisation: its name, the mail domain its people write from, notes. */
export function OrganisationFormModal({
  organisation,
  onClose,
}: {
  organisation: Organisation | null;
  onClose: () => void;
}) {
  const before = {
    name: organisation?.name ?? '',
    domain: organisation?.domain ?? '',
    notes: organisation?.notes ?? '',
  };
  const form = useSchemaForm(before);
  const save = useSaveOrganisation(organisation, onClose);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!organisation) {
      const body = form.check(OrganisationCreate, wire(form.values));
      if (body) save.mutate(body, { onError: form.fromServer });
      return;
    }
    const diff = changed(wire(before), wire(form.values));
    if (Object.keys(diff).length === 0) {
      notifyDone('Nothing to change');
      onClose();
      return;
    }
    const body = form.check(OrganisationUpdate, diff);
    if (body) save.mutate(body, { onError: form.fromServer });
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      title={organisation ? `Edit ${organisation.name}` : 'New organisation'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label="Name" required data-autofocus {...form.text('name')} />
          <TextInput
            label="Mail domain"
            description="Such as example.com; optional."
            {...form.text('domain')}
          />
          <Textarea
            label="Notes"
            description="Seen by staff only."
            autosize
            minRows={3}
            maxRows={8}
            {...form.text('notes')}
          />
          {form.errors[''] && <Alert color="red">{form.errors['']}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {organisation ? 'Save' : 'Add organisation'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
