import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { Page } from '../../lib/types.ts';
import type { CaseRequest, QueueItem } from './types.ts';

export type QueueStatus = 'pending' | 'approved' | 'denied' | 'expired';

export const useAuthorisationQueue = (status: QueueStatus) =>
  useInfiniteQuery({
    queryKey: ['authorisations', 'queue', status],
    queryFn: ({ pageParam, signal }) =>
      api<Page<QueueItem>>(`/authorisations${qs({ status, limit: 20, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

/** The first 100 pending asks this person may decide: enough for a count in the navigation. */
export const usePendingCount = () =>
  useQuery({
    queryKey: ['authorisations', 'count'],
    queryFn: () => api<Page<QueueItem>>('/authorisations?status=pending&limit=100'),
    select: (p) => ({ count: p.items.length, more: p.next_cursor !== null }),
    refetchInterval: 60_000,
  });

/** One request as staff see it, with the abilities the server grants on it. */
export const useRequest = (id: string) =>
  useQuery({
    queryKey: ['request', id],
    queryFn: ({ signal }) => api<CaseRequest>(`/requests/${id}`, { signal }),
  });
