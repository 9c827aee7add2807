import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { notifyError } from '../../lib/notify.ts';
import type { CaseDetail, Staff, Team } from '../../lib/types.ts';

export const useCase = (id: string) =>
  useQuery({ queryKey: ['case', id], queryFn: ({ signal }) => api<CaseDetail>(`/cases/${id}`, { signal }) });

export const useStaffList = () =>
  useQuery({
    queryKey: ['staff'],
    queryFn: () => api<{ items: Staff[] }>('/staff?active=true').then((r) => r.items),
    staleTime: 300_000,
  });

export const useTeams = () =>
  useQuery({
    queryKey: ['teams'],
    queryFn: () => api<{ items: Team[] }>('/teams').then((r) => r.items),
    staleTime: 300_000,
  });

/** PATCH /cases/{id} with the version shown, so a change made meanwhile by someone else is not overwritten. */
export function useUpdateCase(c: CaseDetail | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Record<string, unknown>) =>
      api<CaseDetail>(`/cases/${c!.id}`, { method: 'PATCH', body: { ...patch, version: c!.version } }),
    onSuccess: (data) => {
      qc.setQueryData(['case', data.id], (old: CaseDetail | undefined) => ({ ...old, ...data }));
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void qc.invalidateQueries({ queryKey: ['counts'] });
    },
    onError: (err) => {
      notifyError(err, 'The case was not changed');
      if (c) void qc.invalidateQueries({ queryKey: ['case', c.id] });
    },
  });
}
