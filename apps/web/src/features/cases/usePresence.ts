import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../lib/api.ts';
import type { CaseDetail } from '../../lib/types.ts';

type Viewers = CaseDetail['viewers'];

/**
 * Tells the server this agent is on the case (and whether typing), every 15 s while the page is
 * open. Each answer says who else is there, and the case view takes it: a colleague's arrival that
 * the live stream missed (it was reconnecting, or the page loaded just before) shows within a beat.
 */
export function usePresence(caseId: string) {
  const qc = useQueryClient();
  const state = useRef<'viewing' | 'replying'>('viewing');
  useEffect(() => {
    const take = (res: { viewers: Viewers }) =>
      qc.setQueryData<CaseDetail>(['case', caseId], (old) => (old ? { ...old, viewers: res.viewers } : old));
    const beat = () =>
      void api<{ viewers: Viewers }>(`/cases/${caseId}/presence`, {
        method: 'PUT',
        body: { state: state.current },
      })
        .then(take)
        .catch(() => {});
    beat();
    const timer = setInterval(beat, 15_000);
    return () => {
      clearInterval(timer);
      void api(`/cases/${caseId}/presence`, { method: 'DELETE' }).catch(() => {});
    };
  }, [caseId, qc]);
  return (typing: boolean) => {
    const next = typing ? 'replying' : 'viewing';
    if (next === state.current) return;
    state.current = next;
    void api(`/cases/${caseId}/presence`, { method: 'PUT', body: { state: next } }).catch(() => {});
  };
}
