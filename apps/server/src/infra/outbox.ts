import type pg from 'pg';
import type { Logger } from './logger.ts';
import { REALTIME_CHANNEL } from './realtime.ts';

/**
 * The event outbox (migration 20261123T1300_event_outbox). A writer's transaction does not NOTIFY:
 * NOTIFY makes PostgreSQL serialise the commits of every notifying transaction, each through its
 * WAL flush. `record_events` puts the realtime notes and the subscribers' jobs into `event_outbox`
 * instead, committed (or rolled back) with the write, and `flush_event_outbox` moves them on after
 * the commit, in a transaction that commits without waiting for its WAL flush.
 *
 * Who flushes: the connection that committed, at once (db.ts watches for statements that write to
 * the outbox and flushes after their commit), and the worker's sweep every second for whatever a
 * failed flush or a crash between commit and flush left.
 */

/** Rows one flush takes at most; the sweep repeats while it gets this many. */
export const OUTBOX_BATCH = 500;
const SWEEP_EVERY_MS = 1000;

/** Whether a statement's text writes to the outbox, so its commit must be followed by a flush. */
export const writesOutbox = (text: string): boolean =>
  text.includes('record_events(') || text.includes('insert into event_outbox');

type Queryable = Pick<pg.ClientBase, 'query'>;

/** What a flush took: its rows, and the workspaces whose events they carried. */
export type Flushed = { taken: number; workspaces: string[] };

const flushedListeners = new Set<(workspaces: string[]) => void>();

/**
 * Calls `listener` with the workspaces of every flush this process makes (its writers' and its
 * sweeps'), right after the flush commits and before the writers it serves answer. A process hears
 * its own NOTIFYs only some time later, so what it caches of a workspace (the queue counts) is
 * forgotten here first. Process-wide, as the changes it reports are. Returns the unsubscribe.
 */
export function onOutboxFlushed(listener: (workspaces: string[]) => void): () => void {
  flushedListeners.add(listener);
  return () => flushedListeners.delete(listener);
}

/** Flushes up to OUTBOX_BATCH pending rows (anyone's: concurrent flushes skip each other's rows). */
export async function flushOutbox(client: Queryable): Promise<Flushed> {
  const r = await client.query<Flushed>({
    name: 'fd_flush_event_outbox',
    text: 'select taken, workspaces from flush_event_outbox($1, $2)',
    values: [REALTIME_CHANNEL, OUTBOX_BATCH],
  });
  const flushed = r.rows[0] ?? { taken: 0, workspaces: [] };
  if (flushed.workspaces.length > 0) for (const listener of flushedListeners) listener(flushed.workspaces);
  return flushed;
}

/**
 * The flush a process runs after its commits, shared: a commit made while a flush is running waits
 * for the next one (the running one may have looked before that commit), and every commit made
 * meanwhile shares that next one, which runs on the connection of the first of them. Under load one
 * flush serves many writes instead of one each. Resolves once a flush that started after the
 * caller's commit has ended; a failure is left to the sweep.
 */
export function createOutboxFlusher(): (client: Queryable) => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (client: Queryable): Promise<void> => {
    const flush: Promise<void> = flushOutbox(client)
      .then(
        () => {},
        () => {},
      )
      .finally(() => {
        if (running === flush) running = null;
      });
    running = flush;
    return flush;
  };
  return (client) => {
    if (!running) return start(client);
    next ??= running.then(() => {
      next = null;
      return start(client);
    });
    return next;
  };
}

/** Flushes until the outbox is empty (what the sweep does each time). */
export async function drainOutbox(pool: pg.Pool): Promise<number> {
  let total = 0;
  for (;;) {
    const { taken } = await flushOutbox(pool);
    total += taken;
    if (taken < OUTBOX_BATCH) return total;
  }
}

export type OutboxSweeper = { stop: () => Promise<void> };

/**
 * The worker role's safety net: every second it flushes what the writers' own flushes left (a
 * crash or a lost connection between a commit and its flush). Several workers may sweep at once.
 */
export function startOutboxSweeper(opts: { pool: pg.Pool; log: Logger; everyMs?: number }): OutboxSweeper {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const sweep = async () => {
    try {
      const n = await drainOutbox(opts.pool);
      if (n > 0) opts.log.debug({ rows: n }, 'outbox sweep flushed rows a writer left');
    } catch (err) {
      opts.log.warn({ err }, 'outbox sweep failed; retrying');
    }
    if (!stopped) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => {
      running = sweep();
    }, opts.everyMs ?? SWEEP_EVERY_MS);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
