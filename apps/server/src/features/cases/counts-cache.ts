import { onOutboxFlushed } from '../../infra/outbox.ts';
import type { RealtimeHub, RealtimeMessage } from '../../infra/realtime.ts';

/** Longest an answer is kept, whatever is heard: the bound on a change no event announced (SQL by hand). */
export const COUNTS_KEEP_MS = 5_000;
/** Past this many workspaces kept, the process starts over rather than grow. */
const MAX_WORKSPACES = 10_000;

/** Messages that never change a case, and so never a count. */
const countsUnchanged = (m: RealtimeMessage) =>
  m.type === 'presence.changed' || m.type.startsWith('notification.');

export type CountsCache<T> = {
  /**
   * The workspace's counters as `load` reads them, kept until the workspace changes. Requests that
   * come while a load runs share it. `day` is part of the key (the "solved recently" window).
   */
  get: (workspaceId: string, day: string, load: () => Promise<T>) => Promise<T>;
  close: () => void;
};

/**
 * One process's copy of each workspace's queue counters (the sidebar's counts are computed from
 * them per staff member; counts.rules.ts). Every console refetches its counts after every change of
 * its workspace, so a desk of many agents read the same counters many times per change; now the
 * process reads them once per change and the other requests share that read.
 *
 * A workspace's copy is forgotten, so the next request reads again:
 * - when this process flushes events of the workspace (infra/outbox.ts), which is before the write
 *   that made them answers, so a writer's own next request sees its change;
 * - when the process hears any other change of the workspace on the realtime feed (the NOTIFY every
 *   flush sends, from any process); a console refetches only after it heard the change itself,
 *   150 ms later (apps/web/src/lib/live.ts), so this process has heard it too unless it lags that far;
 * - after COUNTS_KEEP_MS in any case.
 * While the feed is down (and before it first listens) nothing is kept: changes could be missed.
 * A load that began before a change and ends after it is not kept: its entry was forgotten already.
 */
export function createCountsCache<T>(opts: {
  hub: Pick<RealtimeHub, 'watch'>;
  /** This process's flushes (a test passes its own to hear only the feed). */
  flushes?: typeof onOutboxFlushed;
  keepMs?: number;
  now?: () => number;
}): CountsCache<T> {
  const keepMs = opts.keepMs ?? COUNTS_KEEP_MS;
  const now = opts.now ?? (() => performance.now());
  type Entry = { day: string; at: number; value: Promise<T> };
  const kept = new Map<string, Entry>();
  let listening = false;

  const forget = (workspaceIds: Iterable<string>) => {
    for (const id of workspaceIds) kept.delete(id);
  };
  const unwatch = opts.hub.watch({
    onMessage: (m) => {
      if (!countsUnchanged(m)) kept.delete(m.workspace_id);
    },
    onResync: () => {
      kept.clear();
      listening = true;
    },
    onLost: () => {
      listening = false;
      kept.clear();
    },
  });
  const unflushed = (opts.flushes ?? onOutboxFlushed)(forget);

  return {
    get(workspaceId, day, load) {
      if (!listening) return load();
      const entry = kept.get(workspaceId);
      if (entry && entry.day === day && now() - entry.at < keepMs) return entry.value;
      if (kept.size >= MAX_WORKSPACES) kept.clear();
      const fresh: Entry = { day, at: now(), value: load() };
      kept.set(workspaceId, fresh);
      fresh.value.catch(() => {
        if (kept.get(workspaceId) === fresh) kept.delete(workspaceId);
      });
      return fresh.value;
    },
    close() {
      unwatch();
      unflushed();
      listening = false;
      kept.clear();
    },
  };
}
