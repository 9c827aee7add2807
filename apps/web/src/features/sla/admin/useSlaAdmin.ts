import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { useDenyOnForbidden } from '../../admin/access.ts';
import { useAction } from '../../admin/useAction.ts';
import type {
  BusinessCalendar,
  CalendarInput,
  CalendarPreview,
  HolidayCountry,
  SlaPolicy,
  SlaPolicyInput,
  SlaRecompute,
} from './types.ts';

const CALENDARS = ['sla-calendars'];
const POLICIES = ['sla-policies'];
/** Due times move after a change: queues and cases refetch too. */
const REFRESH = [CALENDARS, ['sla-preview'], POLICIES, ['cases'], ['case']];

/** "Saved" plus what the server queued: open cases' due times follow in the background. */
export const recomputeWords = (what: string, r: SlaRecompute) =>
  r.open_cases === 0
    ? `${what}. No open cases to recompute.`
    : `${what}. Due times of ${r.open_cases} open case${r.open_cases === 1 ? '' : 's'} are being recomputed.`;

export function useCalendars() {
  const q = useQuery({
    queryKey: CALENDARS,
    queryFn: ({ signal }) =>
      api<{ items: BusinessCalendar[] }>('/sla/calendars', { signal }).then((r) => r.items),
  });
  useDenyOnForbidden(q.error);
  return q;
}

export const useCalendarPreview = (scope: string, enabled: boolean) =>
  useQuery({
    queryKey: ['sla-preview', scope],
    queryFn: ({ signal }) => api<CalendarPreview>(`/sla/calendars/${scope}/preview?days=7`, { signal }),
    enabled,
  });

export const useHolidayCountries = () =>
  useQuery({
    queryKey: ['sla-holiday-countries'],
    queryFn: () => api<{ items: HolidayCountry[] }>('/sla/holiday-countries').then((r) => r.items),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useHolidayRegions = (country: string | null) =>
  useQuery({
    queryKey: ['sla-holiday-regions', country],
    queryFn: () =>
      api<{ items: HolidayCountry[] }>(`/sla/holiday-countries/${country}/regions`).then((r) => r.items),
    enabled: !!country,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useSaveCalendar = (onDone?: () => void) =>
  useAction({
    run: ({ scope, body }: { scope: string; body: CalendarInput }) =>
      api<{ calendar: BusinessCalendar; recompute: SlaRecompute }>(`/sla/calendars/${scope}`, {
        method: 'PUT',
        body,
      }),
    done: (r) => recomputeWords(`${r.calendar.name} saved`, r.recompute),
    failed: 'The calendar was not saved',
    refresh: REFRESH,
    onDone,
  });

export const useDeleteCalendar = (onDone?: () => void) =>
  useAction({
    run: (c: BusinessCalendar) =>
      api<{ recompute: SlaRecompute }>(`/sla/calendars/${c.team?.id}`, { method: 'DELETE' }),
    done: (r, c) => recomputeWords(`${c.team?.name} now follows the workspace calendar`, r.recompute),
    failed: 'The calendar was not deleted',
    refresh: REFRESH,
    onDone,
  });

export function usePolicies() {
  const q = useQuery({
    queryKey: POLICIES,
    queryFn: ({ signal }) => api<{ items: SlaPolicy[] }>('/sla/policies', { signal }).then((r) => r.items),
  });
  useDenyOnForbidden(q.error);
  return q;
}

export const useSavePolicy = (onDone?: () => void) =>
  useAction({
    run: ({ id, body }: { id: string | null; body: SlaPolicyInput }) =>
      api<{ policy: SlaPolicy; recompute: SlaRecompute }>(id ? `/sla/policies/${id}` : '/sla/policies', {
        method: id ? 'PUT' : 'POST',
        body,
      }),
    done: (r, v) => recomputeWords(`${r.policy.name} ${v.id ? 'saved' : 'added'}`, r.recompute),
    failed: 'The policy was not saved',
    refresh: REFRESH,
    onDone,
  });

export const useDeletePolicy = (onDone?: () => void) =>
  useAction({
    run: (p: SlaPolicy) => api<{ recompute: SlaRecompute }>(`/sla/policies/${p.id}`, { method: 'DELETE' }),
    done: (r, p) => recomputeWords(`${p.name} deleted`, r.recompute),
    failed: 'The policy was not deleted',
    refresh: REFRESH,
    onDone,
  });

export const useReorderPolicies = () =>
  useAction({
    run: (ids: string[]) =>
      api<{ items: SlaPolicy[]; recompute: SlaRecompute }>('/sla/policies/order', {
        method: 'PUT',
        body: { ids },
      }),
    done: (r) => recomputeWords('Order saved', r.recompute),
    failed: 'The order was not saved',
    refresh: REFRESH,
  });
