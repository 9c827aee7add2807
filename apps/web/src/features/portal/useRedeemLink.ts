import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../lib/api.ts';
import type { CurrentUser } from '../../lib/types.ts';

/**
 * Redeems the one-time token from the emailed link, once: React's strict mode runs effects twice,
 * and a second try would find the token already used.
 */
export function useRedeemLink(token: string | null, onDone: () => void) {
  const qc = useQueryClient();
  const tried = useRef<string | null>(null);
  const redeem = useMutation({
    mutationFn: (t: string) =>
      api<{ user: CurrentUser }>('/portal/magic-links/redeem', { method: 'POST', body: { token: t } }),
    onSuccess: (session) => {
      qc.clear();
      qc.setQueryData(['me'], session.user);
      onDone();
    },
  });
  useEffect(() => {
    if (!token || tried.current === token) return;
    tried.current = token;
    redeem.mutate(token);
  }, [token, redeem]);
  return redeem;
}
