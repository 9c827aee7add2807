import { useEffect, useRef } from 'react';
import { api } from '../../lib/api.ts';

/** Tells the server this agent is on the case (and whether typing), every 15 s while the page is open. */
export function usePresence(caseId: string) {
  const state = useRef<'viewing' | 'replying'>('viewing');
  useEffect(() => {
    const beat = () =>
      void api(`/cases/${caseId}/presence`, { method: 'PUT', body: { state: state.current } }).catch(
        () => {},
      );
    beat();
    const timer = setInterval(beat, 15_000);
    return () => {
      clearInterval(timer);
      void api(`/cases/${caseId}/presence`, { method: 'DELETE' }).catch(() => {});
    };
  }, [caseId]);
  return (typing: boolean) => {
    const next = typing ? 'replying' : 'viewing';
    if (next === state.current) return;
    state.current = next;
    void api(`/cases/${caseId}/presence`, { method: 'PUT', body: { state: next } }).catch(() => {});
  };
}
