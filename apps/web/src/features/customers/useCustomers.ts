import type { CustomerCaseItem, CustomerImport } from '@fairdesk/contract';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { Customer, Page } from '../../lib/types.ts';
import { useAction } from '../admin/useAction.ts';

export type { CustomerCaseItem, CustomerImport };

const PAGE = 25;

/** Customers by name or address, a page at a time (keyset: the server hands back the cursor). */
export const useCustomerList = (q: string) =>
  useInfiniteQuery({
    queryKey: ['customers', q],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Customer>>(`/customers${qs({ q, limit: PAGE, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

export const useCustomer = (id: string) =>
  useQuery({
    queryKey: ['customer', id],
    queryFn: ({ signal }) => api<Customer>(`/customers/${id}`, { signal }),
  });

/** The whole case history; a different key from the side panel's short list, which is not paged. */
export const useCustomerHistory = (id: string) =>
  useInfiniteQuery({
    queryKey: ['customer-history', id],
    queryFn: ({ pageParam, signal }) =>
      api<Page<CustomerCaseItem>>(`/customers/${id}/cases${qs({ limit: PAGE, cursor: pageParam })}`, {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

const refreshCustomer = (id?: string) => [
  ['customers'],
  ['organisations'],
  ...(id
    ? [
        ['customer', id],
        ['customer-cases', id],
        ['customer-history', id],
      ]
    : []),
];

export const useSaveCustomer = (existing: Customer | null, onDone: (c: Customer) => void) =>
  useAction({
    run: (body: unknown) =>
      existing
        ? api<Customer>(`/customers/${existing.id}`, { method: 'PATCH', body })
        : api<Customer>('/customers', { method: 'POST', body }),
    done: (c) => (existing ? `${c.name} saved` : `${c.name} added`),
    failed: existing ? 'The customer was not saved' : 'The customer was not added',
    refresh: [...refreshCustomer(existing?.id), ['cases']],
    onDone,
  });

/** Folds the duplicate `source` into `target`: addresses and cases move over, the duplicate goes. */
export const useMergeCustomer = (target: Customer, onDone: (c: Customer) => void) =>
  useAction({
    run: (source: Customer) =>
      api<Customer>(`/customers/${target.id}/merge`, { method: 'POST', body: { source_id: source.id } }),
    done: (_, source) => `${source.name} merged into ${target.name}`,
    failed: 'The customers were not merged',
    refresh: [...refreshCustomer(target.id), ['cases'], ['search']],
    onDone,
  });

export const useStartImport = (onDone: (i: CustomerImport) => void) =>
  useAction({
    run: (file: File) => {
      const body = new FormData();
      body.set('file', file);
      return api<CustomerImport>('/customers/imports', { method: 'POST', body });
    },
    done: (_, file) => `Importing ${file.name}…`,
    failed: 'The import did not start',
    onDone,
  });

const finished = (i: CustomerImport | undefined) => i?.status === 'done' || i?.status === 'failed';

/** Asks after an import every second until it is done or has failed. */
export const useImportProgress = (id: string | null) =>
  useQuery({
    queryKey: ['customer-import', id],
    queryFn: ({ signal }) => api<CustomerImport>(`/customers/imports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (finished(query.state.data) || query.state.error ? false : 1000),
    refetchOnWindowFocus: false,
    staleTime: 0,
  });

export const isFinished = finished;
