import { sql } from 'kysely';
import type { Executor } from './db.ts';
import { notify, summariseData } from './realtime.ts';

export type EventRow = {
  type: string;
  case_id?: string | null;
  data?: Record<string, unknown>;
};
export type EventActor = { kind: 'staff' | 'customer' | 'system'; id: string | null };
export type Subscribers = Record<string, readonly string[]>;
export type Emit = (
  trx: Executor,
  ctx: { workspaceId: string; actor: EventActor; at: Date },
  events: EventRow[],
) => Promise<void>;

/**
 * Events are rows: emit appends them to the workspace's hash chain and enqueues the jobs that
 * subscribe to them, in the caller's transaction, so a change and its consequences commit together.
 * It also NOTIFYs a summary of each to the app processes (delivered at commit), which pass it on
 * to browsers over server-sent events.
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
    await sql`select append_events(${ctx.workspaceId}::uuid, ${JSON.stringify(items)}::jsonb, ${ctx.at})`.execute(
      trx,
    );
    await notify(
      trx,
      events.map((e) => ({
        workspace_id: ctx.workspaceId,
        type: e.type,
        case_id: e.case_id ?? null,
        actor: ctx.actor,
        data: summariseData(e.data ?? {}),
      })),
    );
    for (const e of events) {
      for (const job of subscribers[e.type] ?? []) {
        const payload = {
          workspace_id: ctx.workspaceId,
          event: e.type,
          case_id: e.case_id ?? null,
          data: e.data ?? {},
        };
        await sql`select graphile_worker.add_job(${job}, ${JSON.stringify(payload)}::json)`.execute(trx);
      }
    }
  };
}
