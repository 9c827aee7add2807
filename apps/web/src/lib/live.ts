import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createCoalescer } from './coalesce.ts';

/**
 * A query is refetched for live events 150 ms after the first (the events of one change come
 * together) and at most once a second while they keep coming.
 */
export const LIVE_REFRESH = { settleMs: 150, windowMs: 1000 };

export type LiveEvent = {
  type: string;
  case_id: string | null;
  actor?: { kind: string; id: string | null };
  data?: Record<string, unknown>;
};

const TYPES = [
  'case.created',
  'case.updated',
  'message.added',
  'attachment.added',
  'presence.changed',
  'customer.created',
  'customer.updated',
  'customer.merged',
  // Personal: the server sends these only to the notification's recipient.
  'notification.created',
  'notification.read',
];

/**
 * Follows the server's event stream (server-sent events) and refreshes what changed, so a case
 * created or changed by someone else appears without a reload. EventSource reconnects by itself.
 */
export function useLiveUpdates(onEvent?: (e: LiveEvent) => void) {
  const qc = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/v1/stream');
    // Each query once per change, and at most once a second in a burst, not once per event.
    const refresh = createCoalescer(
      (key) => void qc.invalidateQueries({ queryKey: JSON.parse(key) as unknown[] }),
      LIVE_REFRESH,
    );
    const stale = (...queryKey: unknown[]) => refresh.request(JSON.stringify(queryKey));
    const handle = (msg: MessageEvent<string>) => {
      let e: LiveEvent;
      try {
        e = JSON.parse(msg.data) as LiveEvent;
      } catch {
        return;
      }
      if (e.type.startsWith('notification.')) {
        stale('notifications');
        onEvent?.(e);
        return;
      }
      if (e.case_id) stale('case', e.case_id);
      if (
        e.type.startsWith('request.') ||
        e.type.startsWith('authorisation.') ||
        e.type === 'decision.communicated'
      ) {
        stale('request');
        stale('authorisations');
      }
      if (e.type !== 'presence.changed') {
        stale('cases');
        stale('counts');
      }
      onEvent?.(e);
    };
    for (const t of TYPES) source.addEventListener(t, handle);
    // After a (re)connect or a gap in the server's feed, anything may have changed: refetch all.
    const refetchAll = () => void qc.invalidateQueries();
    source.addEventListener('resync', refetchAll);
    let connectedOnce = false;
    source.addEventListener('ready', () => {
      if (connectedOnce) refetchAll();
      connectedOnce = true;
    });
    return () => {
      source.close();
      refresh.dispose();
    };
  }, [qc, onEvent]);
}
