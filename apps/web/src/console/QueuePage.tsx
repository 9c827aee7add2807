import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useIntersection } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { CaseTable } from '../features/cases/CaseTable.tsx';
import { QueueFilters } from '../features/cases/QueueFilters.tsx';
import { api, errorMessage, qs } from '../lib/api.ts';
import type { CaseSummary, Page, QueueCounts } from '../lib/types.ts';
import { QUEUES, rememberQueue, teamQueue } from './queues.ts';

export function QueuePage() {
  const { queue, teamId } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const counts = useQuery({ queryKey: ['counts'], queryFn: () => api<QueueCounts>('/cases/counts') });
  const def = QUEUES.find((q) => q.key === queue);
  const team = counts.data?.teams.find((t) => t.id === teamId);
  const base = teamId ? teamQueue(teamId) : (def?.filters ?? {});
  const filters: Record<string, string> = { ...base };
  for (const k of ['status', 'priority', 'tag', 'sort']) if (params.get(k)) filters[k] = params.get(k)!;
  const title = teamId ? (team?.name ?? 'Team') : (def?.label ?? 'Cases');
  const list = useInfiniteQuery({
    queryKey: ['cases', filters],
    queryFn: ({ pageParam, signal }) =>
      api<Page<CaseSummary>>(`/cases${qs({ ...filters, limit: 50, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const cases = list.data?.pages.flatMap((p) => p.items) ?? [];
  const { ref, entry } = useIntersection({ rootMargin: '400px' });
  useEffect(() => {
    if (entry?.isIntersecting && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [entry?.isIntersecting, list]);
  useEffect(() => {
    if (cases.length)
      rememberQueue(
        cases.map((c) => c.id),
        location.pathname + location.search,
      );
  }, [cases, location.pathname, location.search]);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{title}</Title>
          <Text size="sm" c="dimmed">
            {list.isSuccess ? `${cases.length}${list.hasNextPage ? '+' : ''} cases` : ' '}
          </Text>
        </div>
      </Group>
      <QueueFilters />
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      <Paper withBorder radius="md">
        {list.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading cases" />
          </Center>
        ) : cases.length === 0 ? (
          <Center p="xl">
            <Text c="dimmed">Nothing here. Well done.</Text>
          </Center>
        ) : (
          <CaseTable cases={cases} />
        )}
      </Paper>
      <div ref={ref} />
      {list.hasNextPage && (
        <Center>
          <Button variant="light" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}
