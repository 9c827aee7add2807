import { useInfiniteQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { CaseSummary, Page } from '../../lib/types.ts';

/** The customer's own cases (the server answers with nobody else's), newest activity first, by keyset pages. */
export const usePortalCases = () =>
  useInfiniteQuery({
    queryKey: ['cases', 'portal'],
    queryFn: ({ pageParam, signal }) =>
      api<Page<CaseSummary>>(`/cases${qs({ limit: 20, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchOnWindowFocus: 'always',
  });
