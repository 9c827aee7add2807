import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';

export const RECOMPUTE_OPEN_JOB = 'sla.recompute_open';
const OPEN = ['new', 'open', 'pending', 'on_hold'] as const;

export async function openCaseCount(db: Executor, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('status', 'in', OPEN)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One batch of the workspace's open cases, in id order after `after`. */
export const openCaseIds = (db: Executor, workspaceId: string, after: string | null, limit: number) =>
  db
    .selectFrom('cases')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('status', 'in', OPEN)
    .$if(after !== null, (qb) => qb.where('id', '>', after as string))
    .orderBy('id')
    .limit(limit)
    .execute();

/**
 * Queues a pass over the workspace's open cases, in the writer's transaction. Changes in quick
 * succession share one pending pass (job_key); a change during a pass queues a fresh one.
 */
export const queueOpenCasesPass = (trx: Executor, workspaceId: string) =>
  sql`select graphile_worker.add_job(${RECOMPUTE_OPEN_JOB}, ${JSON.stringify({ workspace_id: workspaceId })}::json,
    job_key => ${`${RECOMPUTE_OPEN_JOB}:${workspaceId}`}, job_key_mode => 'replace')`.execute(trx);

/** The next batch of a pass. */
export const queueNextBatch = (db: Executor, workspaceId: string, after: string) =>
  sql`select graphile_worker.add_job(${RECOMPUTE_OPEN_JOB},
    ${JSON.stringify({ workspace_id: workspaceId, after })}::json)`.execute(db);
