import type { Task } from 'graphile-worker';
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import { sealEvents } from './audit.queries.ts';

/**
 * `events.seal`: chains a workspace's committed events (job_key `events.seal:<workspace>`, queued
 * by the event outbox's flush when none is queued). While it finds work it queues its own next run a second
 * later, so events committed during a run are sealed by the next one rather than waiting for the
 * next write.
 */
export const sealEventsJob =
  (deps: Deps): Task =>
  async (payload) => {
    const ws = (payload as { workspace_id?: unknown } | null)?.workspace_id;
    if (typeof ws !== 'string') return;
    const n = await sealEvents(deps.db, ws);
    if (n > 0) {
      await sql`select graphile_worker.add_job('events.seal', ${JSON.stringify({ workspace_id: ws })}::json,
        run_at := now() + interval '1 second', job_key := ${`events.seal:${ws}`})`.execute(deps.db);
    }
  };
