import type { Deps } from '../../deps.ts';
import type { Executor } from '../../infra/db.ts';
import * as q from './recompute.queries.ts';
import { recomputeCaseSla } from './sla.service.ts';

/** Cases per job: a pass over many open cases is many short jobs, never one long one. */
export const RECOMPUTE_BATCH = 100;

/**
 * After a policy or calendar change: queues a pass over the workspace's open cases (in the
 * writer's transaction, so it runs only if the change commits) and says how many it will touch.
 */
export async function queueOpenCasesRecompute(trx: Executor, workspaceId: string) {
  await q.queueOpenCasesPass(trx, workspaceId);
  return { open_cases: await q.openCaseCount(trx, workspaceId) };
}

/** One batch of a pass: recomputes up to RECOMPUTE_BATCH open cases after `after`, queues the rest. */
export async function recomputeOpenCases(deps: Deps, workspaceId: string, after: string | null) {
  const batch = await q.openCaseIds(deps.db, workspaceId, after, RECOMPUTE_BATCH);
  for (const c of batch) await recomputeCaseSla(deps, workspaceId, c.id);
  const last = batch.at(-1);
  if (batch.length === RECOMPUTE_BATCH && last) await q.queueNextBatch(deps.db, workspaceId, last.id);
  return batch.length;
}
