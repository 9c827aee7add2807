import { onOutboxFlushed } from './outbox.ts';
import type { RealtimeHub, RealtimeMessage } from './realtime.ts';

/**
 * Past this many answers kept (all workspaces together), the process drops those past their time,
 * and starts over if all are within it, rather than grow.
 */
const MAX_ENTRIES = 10_000;

/** Messages that never change a case, and so never what is kept of one. */
const casesUnchanged = (m: RealtimeMessage) =>
  m.type === 'presence.changed' || m.type.startsWith('notification.');

export type WorkspaceCache<T> = {
  /**
   * The answer `load` reads for this workspace and key, kept until the workspace changes. Requests
   * that come while a load runs share it.
   */
  get: (workspaceId: string, key: string, load: () => Promise<T>) => Promise<T>;
  close: () => void;
};

/**
 * One process's copy of answers read from a workspace's cases: the queue counters
 * (features/cases/counts.service.ts) and staff queue pages (features/cases/case-list.service.ts).
 * Every console refetches those after every change of its workspace, so a desk of many agents read
 * the same rows many times per change; the process reads them once per change and the other
 * requests share that read.
 *
 * All of a workspace's answers are forgotten, so the next request reads again:
 * - when this process flushes events of the workspace (infra/outbox.ts), which is before the write
 *   that made them answers, so a writer's own next request sees its change;
 * - when the process hears any other change of the workspace on the realtime feed (the NOTIFY every
 *   flush sends, from any process); a console refetches only after it heard the change itself,
 *   150 ms later (apps/web/src/lib/live.ts), so this process has heard it too unless it lags that far;
 * - after `keepMs` in any case: the bound on a change no event announces (SQL by hand, the worker's
 *   service-level recompute).
 * While the feed is down (and before it first listens) nothing is kept: changes could be missed.
 * A load that began before a change and ends after it is not kept: its entry was forgotten already.
 */
export function createWorkspaceCache<T>(opts: {
  hub: Pick<RealtimeHub, 'watch'>;
  keepMs: number;
  /** This process's flushes (a test passes its own to hear only the feed). */
  flushes?: typeof onOutboxFlushed;
  maxEntries?: number;
  now?: () => number;
}): WorkspaceCache<T> {
  const { keepMs } = opts;
  const maxEntries = opts.maxEntries ?? MAX_ENTRIES;
  const now = opts.now ?? (() => performance.now());
  type Entry = { at: number; value: Promise<T> };
  const kept = new Map<string, Map<string, Entry>>();
  let entries = 0;
  let listening = false;

  const forget = (workspaceId: string) => {
    const answers = kept.get(workspaceId);
    if (!answers) return;
    entries -= answers.size;
    kept.delete(workspaceId);
  };
  const forgetAll = () => {
    kept.clear();
    entries = 0;
  };
  const unwatch = opts.hub.watch({
    onMessage: (m) => {
      if (!casesUnchanged(m)) forget(m.workspace_id);
    },
    onResync: () => {
      forgetAll();
      listening = true;
    },
    onLost: () => {
      listening = false;
      forgetAll();
    },
  });
  const unflushed = (opts.flushes ?? onOutboxFlushed)((workspaceIds) => {
    for (const id of workspaceIds) forget(id);
  });

  /** Drops the answers past their keeping time, which only take room. */
  const dropExpired = (at: number) => {
    for (const [workspaceId, answers] of kept) {
      for (const [key, entry] of answers) {
        if (at - entry.at < keepMs) continue;
        answers.delete(key);
        entries--;
      }
      if (answers.size === 0) kept.delete(workspaceId);
    }
  };

  return {
    get(workspaceId, key, load) {
      if (!listening) return load();
      const at = now();
      const entry = kept.get(workspaceId)?.get(key);
      if (entry && at - entry.at < keepMs) return entry.value;
      // Full: first make room from answers past their time, and start over only if that is not enough.
      if (entries >= maxEntries) dropExpired(at);
      if (entries >= maxEntries) forgetAll();
      let answers = kept.get(workspaceId);
      if (!answers) {
        answers = new Map();
        kept.set(workspaceId, answers);
      }
      if (answers.has(key)) entries--; // replaced below: an expired answer
      const fresh: Entry = { at, value: load() };
      answers.set(key, fresh);
      entries++;
      const mine = answers;
      fresh.value.catch(() => {
        // Not counted any more once its workspace was forgotten, or once a newer read replaced it.
        if (kept.get(workspaceId) !== mine || mine.get(key) !== fresh) return;
        mine.delete(key);
        entries--;
      });
      return fresh.value;
    },
    close() {
      unwatch();
      unflushed();
      listening = false;
      forgetAll();
    },
  };
}
