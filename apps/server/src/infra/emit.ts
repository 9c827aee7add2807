import { type RawBuilder, sql } from 'kysely';
import type { Executor } from './db.ts';
import { encodeMessage, summariseData } from './realtime.ts';

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
/** graphile-worker's priority of a task's jobs, wherever they are queued: lower runs first (default 0). */
export type JobPriorities = Readonly<Record<string, number>>;
export type Subscribers = Record<string, readonly Subscriber[]>;
export type Emit = (
  trx: Executor,
  ctx: { workspaceId: string; actor: EventActor; at: Date },
  events: EventRow[],
) => Promise<void>;

/** The job that seals a workspace's committed events into its hash chain (audit feature). */
export const SEAL_JOB = 'events.seal';

/** One event row as `record_events` inserts it (`EventRecord.items` holds a JSON array of them). */
export type EventItem = {
  type: string;
  case_id: string | null;
  actor_kind: EventActor['kind'];
  actor_id: string | null;
  data: Record<string, unknown>;
};
/** The arguments of `record_events` for a batch of events (JSON texts, as sent). */
export type EventRecord = { workspaceId: string; at: Date; items: string; notes: string[]; jobs: string };
/** A record as the recorder made it, with its items also as values (what a writer's answer shows). */
export type RecordedEvents = EventRecord & { rows: EventItem[] };
export type RecordEvents = (
  ctx: { workspaceId: string; actor: EventActor; at: Date },
  events: EventRow[],
) => RecordedEvents;

/**
 * What emit records for these events: the rows, a NOTIFY summary of each, and the subscribers' jobs
 * (`when` and `perCase` applied). For a writer that folds the call into its own statement
 * (`recordEventsCall`), e.g. a new case with its message: one round trip instead of two.
 */
export function createEventRecorder(subscribers: Subscribers, priorities: JobPriorities = {}): RecordEvents {
  return (ctx, events) => {
    const items = events.map(
      (e): EventItem => ({
        type: e.type,
        case_id: e.case_id ?? null,
        actor_kind: ctx.actor.kind,
        actor_id: ctx.actor.id,
        data: e.data ?? {},
      }),
    );
    const notes = events.map((e) =>
      encodeMessage({
        workspace_id: ctx.workspaceId,
        type: e.type,
        case_id: e.case_id ?? null,
        actor: ctx.actor,
        data: summariseData(e.data ?? {}),
      }),
    );
    const jobs: { task: string; payload: unknown; priority?: number }[] = [];
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
          ...(priorities[task] === undefined ? {} : { priority: priorities[task] }),
        });
      }
    }
    return {
      workspaceId: ctx.workspaceId,
      at: ctx.at,
      items: JSON.stringify(items),
      rows: items,
      notes,
      jobs: JSON.stringify(jobs),
    };
  };
}

/**
 * The `record_events(...)` call for a record, as an expression to select in the writer's own
 * statement (it runs once per row the statement yields: select it from a one-row result). `patch`
 * replaces the items' or jobs' JSON with an expression over it, for values only the statement
 * knows (a new case's number).
 */
export const recordEventsCall = (
  r: EventRecord,
  patch: { items?: RawBuilder<unknown>; jobs?: RawBuilder<unknown> } = {},
) =>
  sql<void>`record_events(${r.workspaceId}::uuid, ${patch.items ?? sql`${r.items}::jsonb`}, ${r.at}, ${r.notes}::text[], ${patch.jobs ?? sql`${r.jobs}::jsonb`})`;

/**
 * Events are rows: emit inserts them in the caller's transaction, so a change and its record
 * commit together. They are written unsealed (no seq or hash, nothing locked but the new rows); the
 * `events.seal` job (and audit verification) chain them afterwards, in commit-visible order. The
 * jobs that subscribe to them and a summary of each for the app processes (which pass it on to
 * browsers over server-sent events) go into the event outbox in the same transaction, and are
 * queued and NOTIFYed right after the commit (outbox.ts): the writer itself never NOTIFYs, so
 * writers do not commit one at a time. All of it is one statement (the SQL function
 * `record_events`), one round trip, plus the flush after the commit.
 */
export function createEmitter(subscribers: Subscribers, priorities: JobPriorities = {}): Emit {
  const record = createEventRecorder(subscribers, priorities);
  return async (trx, ctx, events) => {
    if (events.length === 0) return;
    await sql`select ${recordEventsCall(record(ctx, events))}`.execute(trx);
  };
}
