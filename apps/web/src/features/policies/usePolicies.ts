import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Policy, PolicyCreate, PolicyDetail, WhatIfResult } from './types.ts';

export const usePolicies = () =>
  useQuery({
    queryKey: ['policies'],
    queryFn: ({ signal }) => api<{ items: Policy[] }>('/policies', { signal }).then((r) => r.items),
  });

export const usePolicy = (id: string | undefined) =>
  useQuery({
    queryKey: ['policies', id],
    queryFn: ({ signal }) => api<PolicyDetail>(`/policies/${id}`, { signal }),
    enabled: !!id,
  });

export type PolicySettings = {
  default_outcome: 'granted' | 'needs_authorisation';
  default_role: 'agent' | 'supervisor' | 'manager' | 'admin';
  authorisation_ttl_days: number;
};

export const usePolicySettings = () =>
  useQuery({ queryKey: ['policies', 'settings'], queryFn: () => api<PolicySettings>('/policies/settings') });

function useStore() {
  const qc = useQueryClient();
  return (p: PolicyDetail) => {
    qc.setQueryData(['policies', p.id], p);
    void qc.invalidateQueries({ queryKey: ['policies'], exact: true });
  };
}

export function useSavePolicy() {
  const store = useStore();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: Partial<PolicyCreate> }) =>
      id
        ? api<PolicyDetail>(`/policies/${id}`, { method: 'PATCH', body })
        : api<PolicyDetail>('/policies', { method: 'POST', body }),
    onSuccess: store,
  });
}

export function usePublishPolicy() {
  const store = useStore();
  return useMutation({
    mutationFn: ({ id, effective_from }: { id: string; effective_from?: string }) =>
      api<PolicyDetail>(`/policies/${id}/publish`, { method: 'POST', body: { effective_from } }),
    onSuccess: store,
  });
}

export const useWhatIf = () =>
  useMutation({
    mutationFn: ({ id, draft }: { id: string; draft?: PolicyCreate }) =>
      api<WhatIfResult>(`/policies/${id}/what-if`, { method: 'POST', body: { draft } }),
  });
