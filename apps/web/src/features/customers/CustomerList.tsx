import { Alert, Button, Center, Group, Loader, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Customer } from '../../lib/types.ts';
import { useDenyOnForbidden } from '../admin/access.ts';
import { explain } from '../admin/words.ts';
import { CustomerFormModal } from './CustomerFormModal.tsx';
import { CustomerTable } from './CustomerTable.tsx';
import { MergeCustomerModal } from './MergeCustomerModal.tsx';
import { useCustomerList } from './useCustomers.ts';

/** Search, page through, edit and merge customers. */
export function CustomerList() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useCustomerList(q);
  useDenyOnForbidden(list.error);
  const [editing, setEditing] = useState<Customer | null>(null);
  const [merging, setMerging] = useState<Customer | null>(null);
  const customers = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <TextInput
        label="Find a customer"
        placeholder="Name or email address"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
        mb="md"
      />
      {list.isError && (
        <Alert color="red" title="The customers cannot be shown" mb="md">
          {explain(list.error)}
        </Alert>
      )}
      <Paper withBorder radius="md">
        {list.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading customers" />
          </Center>
        ) : customers.length === 0 ? (
          <Center p="xl">
            <Text c="dimmed">{q ? `No customer matches “${q}”.` : 'No customers yet.'}</Text>
          </Center>
        ) : (
          <CustomerTable customers={customers} onEdit={setEditing} onMerge={setMerging} />
        )}
      </Paper>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {list.isSuccess && customers.length > 0
            ? `Showing ${customers.length}${list.hasNextPage ? '' : ' (all)'}`
            : ''}
        </Text>
        {list.hasNextPage && (
          <Button variant="light" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            Load more
          </Button>
        )}
      </Group>
      {editing && <CustomerFormModal customer={editing} onClose={() => setEditing(null)} />}
      {merging && <MergeCustomerModal target={merging} onClose={() => setMerging(null)} />}
    </>
  );
}
