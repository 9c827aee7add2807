import { CustomerCreate, CustomerUpdate, Email } from '@fairdesk/contract';
import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api } from '../../lib/api.ts';
import { notifyDone } from '../../lib/notify.ts';
import type { Customer, Workspace } from '../../lib/types.ts';
import { changed, useSchemaForm } from '../admin/forms.ts';
import { OrganisationSelect } from './OrganisationSelect.tsx';
import { useSaveCustomer } from './useCustomers.ts';

type Org = { id: string; name: string } | null;

const valuesOf = (c: Customer | null) => ({
  name: c?.name ?? '',
  email: c?.email ?? '',
  emails: (c?.emails ?? []).filter((e) => e !== c?.email),
  phone: c?.phone ?? '',
  language: c?.language ?? 'en',
  organisation: (c?.organisation ?? null) as Org,
  notes: c?.notes ?? '',
});

/** What the contract expects: the primary address first among all of them, empty phone as null. */
const toWire = (v: ReturnType<typeof valuesOf>) => ({
  name: v.name.trim(),
  email: v.email.trim(),
  emails: [...new Set([v.email.trim(), ...v.emails].filter(Boolean))],
  phone: v.phone.trim() || null,
  language: v.language.trim(),
  organisation_id: v.organisation?.id ?? null,
  notes: v.notes,
});

type Props = { customer: Customer | null; onClose: () => void; onSaved?: (c: Customer) => void };

/** Adds a customer, or edits every detail of one (addresses, phone, language, organisation, notes). */
export function CustomerFormModal({ customer, onClose, onSaved }: Props) {
  const form = useSchemaForm(valuesOf(customer));
  const ws = useQuery({
    queryKey: ['workspace'],
    queryFn: () => api<Workspace>('/workspace'),
    staleTime: 300_000,
  });
  const save = useSaveCustomer(customer, (c) => {
    onSaved?.(c);
    onClose();
  });
  const badAddresses = form.values.emails.filter((a) => !Email.safeParse(a).success);
  const emailsError =
    form.errors.emails &&
    (badAddresses.length ? `Not an email address: ${badAddresses.join(', ')}` : form.errors.emails);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const after = toWire(form.values);
    if (!customer) {
      const body = form.check(CustomerCreate, { ...after, emails: after.emails.slice(1) });
      if (body) save.mutate(body, { onError: form.fromServer });
      return;
    }
    const diff = changed(toWire(valuesOf(customer)), after);
    if (Object.keys(diff).length === 0) {
      notifyDone('Nothing to change');
      onClose();
      return;
    }
    // A new primary address or list always travels with the other, so neither is lost.
    const patch = diff.email || diff.emails ? { ...diff, email: after.email, emails: after.emails } : diff;
    const body = form.check(CustomerUpdate, patch);
    if (body) save.mutate(body, { onError: form.fromServer });
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      title={customer ? `Edit ${customer.name}` : 'New customer'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label="Name" required data-autofocus {...form.text('name')} />
          <TextInput
            label="Email"
            description="Where replies go."
            type="email"
            required
            {...form.text('email')}
          />
          <TagsInput
            label="Other addresses"
            description="Mail from these addresses lands on this customer too. Press Enter after each."
            value={form.values.emails}
            onChange={(v) => form.set('emails', v)}
            error={emailsError || undefined}
            clearable
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Phone" type="tel" {...form.text('phone')} />
            <Autocomplete
              label="Language"
              description="A code such as en or pt-BR"
              data={ws.data?.languages ?? []}
              value={form.values.language}
              onChange={(v) => form.set('language', v)}
              error={form.errors.language || undefined}
            />
          </SimpleGrid>
          <OrganisationSelect
            value={form.values.organisation}
            onChange={(o) => form.set('organisation', o)}
            error={form.errors.organisation_id || undefined}
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
              {customer ? 'Save' : 'Add customer'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
