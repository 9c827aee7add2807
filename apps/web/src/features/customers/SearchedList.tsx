import { Alert, Button, Center, Group, Loader, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useDenyOnForbidden } from '../admin/access.ts';
import { explain } from '../admin/words.ts';

type Words = { find: string; placeholder: string; one: string; many: string };
type List<T> = UseInfiniteQueryResult<InfiniteData<{ items: T[] }>>;

/**
 * A searched, paged admin list: the search box (debounced), the error, loading and empty states,
 * the table the caller draws, and "Load more" with how many are shown. Customers and
 * organisations are both listed this way.
 */
export function SearchedList<T>({
  words,
  useList,
  children,
}: {
  words: Words;
  useList: (q: string) => List<T>;
  children: (items: T[]) => ReactNode;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useList(q);
  useDenyOnForbidden(list.error);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <TextInput
        label={words.find}
        placeholder={words.placeholder}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
        mb="md"
      />
      {list.isError && (
        <Alert color="red" title={`The ${words.many} cannot be shown`} mb="md">
          {explain(list.error)}
        </Alert>
      )}
      <Paper withBorder radius="md">
        {list.isPending ? (
          <Center p="xl">
            <Loader aria-label={`Loading ${words.many}`} />
          </Center>
        ) : items.length === 0 ? (
          <Center p="xl">
            <Text c="dimmed">{q ? `No ${words.one} matches “${q}”.` : `No ${words.many} yet.`}</Text>
          </Center>
        ) : (
          children(items)
        )}
      </Paper>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {list.isSuccess && items.length > 0
            ? `Showing ${items.length}${list.hasNextPage ? '' : ' (all)'}`
            : ''}
        </Text>
        {list.hasNextPage && (
          <Button variant="light" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            Load more
          </Button>
        )}
      </Group>
    </>
  );
}
