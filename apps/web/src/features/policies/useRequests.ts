import type { RequestCreate } from '@fairdesk/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { CaseRequest } from './types.ts';

// Under the case's own key, so the live feed's refresh of a case refreshes its requests too.
export const requestsKey = (caseId: string) => ['case', caseId, 'requests'] as const;

export const useCaseRequests = (caseId: string) =>
  useQuery({
    queryKey: requestsKey(caseId),
    queryFn: ({ signal }) =>
      api<{ items: CaseRequest[] }>(`/cases/${caseId}/requests`, { signal }).then((r) => r.items),
  });

type Verdict = { decision: 'approve' | 'deny'; reason: string; conditions: string[] };
type Parts = { explanation: string; alternatives: string[] };

/** After any change to a request: the case (its timeline and messages), its requests and the queue. */
function useRefresh() {
  const qc = useQueryClient();
  return (r: CaseRequest) => {
    qc.setQueryData<CaseRequest[]>(requestsKey(r.case_id), (old) =>
      old ? (old.some((x) => x.id === r.id) ? old.map((x) => (x.id === r.id ? r : x)) : [...old, r]) : old,
    );
    void qc.invalidateQueries({ queryKey: ['case', r.case_id] });
    void qc.invalidateQueries({ queryKey: ['authorisations'] });
  };
}

export function useRecordRequest(caseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: RequestCreate) =>
      api<CaseRequest>(`/cases/${caseId}/requests`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useCommunicate() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: Parts & { id: string }) =>
      api<CaseRequest>(`/requests/${id}/communications`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useAuthorise() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: Verdict & { id: string }) =>
      api<CaseRequest>(`/requests/${id}/authorisations`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useAskAuthorisation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      api<CaseRequest>(`/requests/${id}/authorisation-requests`, { method: 'POST', body: { note } }),
    onSuccess: refresh,
  });
}
