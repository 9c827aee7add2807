import { sql } from 'kysely';
import type { Executor } from './db.ts';
import { encodeMessage, REALTIME_CHANNEL, summariseData } from './realtime.ts';

export type EventRow = {
  type: string;
  case_id?: string | null;
  data?: Record<string, unknown>;
};
export type EventActor = { kind: 'staff' | 'customer' | 'system'; id: string | null };
/**
 * A job that reacts to an event. `when` narrows it to the events it can act on, so a write does not
 * queue jobs that would only look and return (every job is a row written in the writer's
 * transaction, then fetched, run and deleted by a worker). `perCase` jobs recompute a case from its
 * state, whatever the event: one per case per transaction is enough.
 */
export type Subscriber =
  | string
  | { task: string; when?: (event: EventRow, actor: EventActor) => boolean; perCase?: boolean };
export type Subscribers = Record<string, readonly Subscriber[]>;
export type Emit = (
  trx: Executor,
  ctx: { workspaceId: string; actor: EventActor; at: Date },
  events: EventRow[],
) => Promise<void>;

/** The job that seals a workspace's committed events into its hash chain (audit feature). */
export const SEAL_JOB = 'events.seal';

/**
 * Events are rows: emit inserts them in the caller's transaction, so a change and its record
 * commit together, and enqueues the jobs that subscribe to them. They are written unsealed (no seq
 * or hash, nothing locked but the new rows); the `events.seal` job (and audit verification) chain
 * them afterwards, in commit-visible order. It also NOTIFYs a summary of each to the app processes
 * (delivered at commit), which pass it on to browsers over server-sent events. All of it is one
 * statement (the SQL function `record_events`), one round trip.
 */
export function createEmitter(subscribers: Subscribers): Emit {
  return async (trx, ctx, events) => {
    if (events.length === 0) return;
    const items = events.map((e) => ({
      type: e.type,
      case_id: e.case_id ?? null,
      actor_kind: ctx.actor.kind,
      actor_id: ctx.actor.id,
      data: e.data ?? {},
    }));
    const notes = events.map((e) =>
      encodeMessage({
        workspace_id: ctx.workspaceId,
        type: e.type,
        case_id: e.case_id ?? null,
        actor: ctx.actor,
        data: summariseData(e.data ?? {}),
      }),
    );
    const jobs: { task: string; payload: unknown }[] = [];
    const once = new Set<string>();
    for (const e of events) {
      for (const sub of subscribers[e.type] ?? []) {
        const { task, when, perCase } = typeof sub === 'string' ? { task: sub } : sub;
        if (when && !when(e, ctx.actor)) continue;
        if (perCase && e.case_id) {
          if (once.has(`${task}:${e.case_id}`)) continue;
          once.add(`${task}:${e.case_id}`);
        }
        jobs.push({
          task,
          payload: {
            workspace_id: ctx.workspaceId,
            event: e.type,
            case_id: e.case_id ?? null,
            data: e.data ?? {},
          },
        });
      }
    }
    await sql`select record_events(${ctx.workspaceId}::uuid, ${JSON.stringify(items)}::jsonb, ${ctx.at}, ${REALTIME_CHANNEL}, ${notes}::text[], ${JSON.stringify(jobs)}::jsonb)`.execute(
      trx,
    );
  };
}
