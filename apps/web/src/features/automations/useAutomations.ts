import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { useAction } from '../admin/useAction.ts';
import type { AutomationRule, DryRunResult, RuleDraft } from './types.ts';

const REFRESH = [['automations']];

export const useAutomations = () =>
  useQuery({
    queryKey: ['automations'],
    queryFn: ({ signal }) =>
      api<{ items: AutomationRule[] }>('/automations', { signal }).then((r) => r.items),
  });

export const useSaveAutomation = (onDone: (r: AutomationRule) => void) =>
  useAction({
    run: ({ id, body }: { id: string | null; body: RuleDraft }) =>
      id
        ? api<AutomationRule>(`/automations/${id}`, { method: 'PUT', body })
        : api<AutomationRule>('/automations', { method: 'POST', body }),
    done: (r, v) => (v.id ? `Rule “${r.name}” saved` : `Rule “${r.name}” created`),
    failed: 'The rule was not saved',
    refresh: REFRESH,
    onDone,
  });

export const useSetActive = () =>
  useAction({
    run: ({ id, active }: { id: string; active: boolean }) =>
      api<AutomationRule>(`/automations/${id}`, { method: 'PATCH', body: { active } }),
    done: (r) => `“${r.name}” is ${r.active ? 'on' : 'off'}`,
    failed: 'The rule was not switched',
    refresh: REFRESH,
  });

export const useReorder = () =>
  useAction({
    run: (ids: string[]) =>
      api<{ items: AutomationRule[] }>('/automations/order', { method: 'PUT', body: { ids } }),
    done: 'Order saved',
    failed: 'The order was not saved',
    refresh: REFRESH,
  });

export const useDeleteAutomation = (onDone: () => void) =>
  useAction({
    run: (r: AutomationRule) => api(`/automations/${r.id}`, { method: 'DELETE' }),
    done: (_x, r) => `Rule “${r.name}” deleted`,
    failed: 'The rule was not deleted',
    refresh: REFRESH,
    onDone,
  });

/** A dry run of the rule as written; nothing changes on the server. */
export const useDryRun = () =>
  useMutation({
    mutationFn: (rule: RuleDraft) =>
      api<DryRunResult>('/automations/dry-run', { method: 'POST', body: { rule } }),
  });
