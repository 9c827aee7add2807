import { useInfiniteQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { Organisation, Page } from '../../lib/types.ts';
import { useAction } from '../admin/useAction.ts';

export const useOrganisationList = (q: string, limit = 25) =>
  useInfiniteQuery({
    queryKey: ['organisations', q, limit],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Organisation>>(`/organisations${qs({ q, limit, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

// Customers show their organisation's name, and cases too: both refresh after a change.
const REFRESH = [['organisations'], ['customers'], ['customer'], ['cases']];

export const useSaveOrganisation = (existing: Organisation | null, onDone: (o: Organisation) => void) =>
  useAction({
    run: (body: unknown) =>
      existing
        ? api<Organisation>(`/organisations/${existing.id}`, { method: 'PATCH', body })
        : api<Organisation>('/organisations', { method: 'POST', body }),
    done: (o) => (existing ? `${o.name} saved` : `${o.name} added`),
    failed: existing ? 'The organisation was not saved' : 'The organisation was not added',
    refresh: REFRESH,
    onDone,
  });

export const useDeleteOrganisation = (onDone: () => void) =>
  useAction({
    run: (o: Organisation) => api<void>(`/organisations/${o.id}`, { method: 'DELETE' }),
    done: (_, o) => `${o.name} deleted; its customers stay, unlinked`,
    failed: 'The organisation was not deleted',
    refresh: REFRESH,
    onDone,
  });
