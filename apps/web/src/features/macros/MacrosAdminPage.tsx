import { Alert, Button, Center, Loader, Paper, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../lib/api.ts';
import { ConfirmModal } from '../admin/ConfirmModal.tsx';
import { SectionHeader } from '../admin/SectionHeader.tsx';
import { MacroFormModal } from './MacroFormModal.tsx';
import { MacroTable } from './MacroTable.tsx';
import type { Macro } from './types.ts';
import { useDeleteMacro, useMacros } from './useMacros.ts';

/** Canned replies with placeholders and field changes, applied from the reply editor. */
export function MacrosAdminPage() {
  const macros = useMacros({ includeInactive: true });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Macro | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Macro | null>(null);
  const remove = useDeleteMacro(() => setDeleting(null));
  const needle = search.trim().toLowerCase();
  const shown = (macros.data ?? []).filter((m) => !needle || m.name.toLowerCase().includes(needle));
  return (
    <>
      <SectionHeader
        title="Macros"
        description="Replies and notes agents insert with one click, with placeholders such as the customer’s first name, and the field changes that go with them."
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New macro
          </Button>
        }
      />
      <TextInput
        aria-label="Search macros"
        placeholder="Search macros by name"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        mb="sm"
        maw={360}
      />
      {macros.isError && (
        <Alert color="red.9" title="The macros cannot be shown">
          {errorMessage(macros.error)}
        </Alert>
      )}
      <Paper withBorder radius="md">
        {macros.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading macros" />
          </Center>
        ) : shown.length === 0 ? (
          <Center p="xl">
            <Text c="gray.7">
              {needle ? 'No macro by that name.' : 'No macros yet. Create one for the answers you give most.'}
            </Text>
          </Center>
        ) : (
          <MacroTable macros={shown} onEdit={setEditing} onDelete={setDeleting} />
        )}
      </Paper>
      {editing && (
        <MacroFormModal macro={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={`Delete the macro ${deleting?.name ?? ''}?`}
        confirmLabel="Delete macro"
        danger
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        Replies already sent with it stay as they are. To keep it but hide it from agents, switch it off
        instead.
      </ConfirmModal>
    </>
  );
}
