import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type LiveEvent, useLiveUpdates } from '../../lib/live.ts';
import { notifyDone } from '../../lib/notify.ts';
import type { CaseDetail } from '../../lib/types.ts';

/**
 * Follows the customer's own cases live (the server sends only their public events) and says so
 * when the team answers, so a reply is noticed even on another page of the portal.
 */
export function useReplyAlerts() {
  const qc = useQueryClient();
  const onEvent = useCallback(
    (e: LiveEvent) => {
      if (e.type !== 'message.added' || e.actor?.kind !== 'staff' || !e.case_id) return;
      const c = qc.getQueryData<CaseDetail>(['case', e.case_id]);
      notifyDone(c ? `New reply on “${c.subject}”` : 'You have a new reply');
    },
    [qc],
  );
  useLiveUpdates(onEvent);
}
