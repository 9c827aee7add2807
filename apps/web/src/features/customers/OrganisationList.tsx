import { Alert, Button, Center, Group, Loader, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Organisation } from '../../lib/types.ts';
import { useDenyOnForbidden } from '../admin/access.ts';
import { ConfirmModal } from '../admin/ConfirmModal.tsx';
import { explain } from '../admin/words.ts';
import { OrganisationFormModal } from './OrganisationFormModal.tsx';
import { OrganisationTable } from './OrganisationTable.tsx';
import { useDeleteOrganisation, useOrganisationList } from './useOrganisations.ts';

/** Search, page through, edit and delete organisations. */
export function OrganisationList() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useOrganisationList(q);
  useDenyOnForbidden(list.error);
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [deleting, setDeleting] = useState<Organisation | null>(null);
  const remove = useDeleteOrganisation(() => setDeleting(null));
  const orgs = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <TextInput
        label="Find an organisation"
        placeholder="Name"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
        mb="md"
      />
      {list.isError && (
        <Alert color="red" title="The organisations cannot be shown" mb="md">
          {explain(list.error)}
        </Alert>
      )}
      <Paper withBorder radius="md">
        {list.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading organisations" />
          </Center>
        ) : orgs.length === 0 ? (
          <Center p="xl">
            <Text c="dimmed">{q ? `No organisation matches “${q}”.` : 'No organisations yet.'}</Text>
          </Center>
        ) : (
          <OrganisationTable organisations={orgs} onEdit={setEditing} onDelete={setDeleting} />
        )}
      </Paper>
      {list.hasNextPage && (
        <Group justify="flex-end" mt="sm">
          <Button variant="light" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            Load more
          </Button>
        </Group>
      )}
      {editing && <OrganisationFormModal organisation={editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'the organisation'}?`}
        confirmLabel="Delete organisation"
        danger
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        {deleting?.customer_count
          ? `Its ${deleting.customer_count} customers stay, without an organisation. This cannot be undone.`
          : 'This cannot be undone.'}
      </ConfirmModal>
    </>
  );
}
