import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import type { Executor } from '../../infra/db.ts';
import { isoTimeOrNull } from '../../infra/iso-time.ts';
import { escalate } from './sla.escalate.ts';
import * as q from './sla.queries.ts';
import {
  type CaseHistory,
  computeTargets,
  nextTimer,
  pickPolicy,
  raisedPriority,
  type SlaTarget,
  sameTargets,
  stateAt,
  type TargetRow,
  timerActions,
} from './sla.rules.ts';

const SYSTEM = { kind: 'system' as const, id: null };

type Inputs = NonNullable<Awaited<ReturnType<typeof q.recomputeInputs>>>;

/** A case's history as the rules take it: every status from its creation, and its public messages. */
function historyOf(c: Inputs): CaseHistory {
  return {
    created_at: c.created_at,
    statuses: [
      { at: c.created_at, status: c.status_change[0]?.[0] ?? 'new' },
      ...c.status_change.map((change, i) => ({ at: c.status_at[i]!, status: change[1] })),
    ],
    messages: c.message_at.map((at, i) => ({ at, author: c.message_author[i]! })),
  };
}

/** Recomputes a case's targets from its history and moves its timers; in the caller's transaction. */
async function recomputeIn(deps: Deps, trx: Executor, workspaceId: string, caseId: string) {
  await q.lockCaseSla(trx, caseId);
  const c = await q.recomputeInputs(trx, workspaceId, caseId);
  if (!c) return null;
  const policy = pickPolicy(c.policies, c);
  const previous = c.targets;
  const now = deps.clock.now();
  const rows = policy ? computeTargets(policy, c.calendar, historyOf(c), now, previous) : [];
  // Unchanged targets have their timers already: whatever wrote them moved the timers in the same
  // transaction (and the sweep catches a timer lost anyway).
  if (sameTargets(previous, rows)) return { c, policy, rows };
  const timers = [...new Set([...previous.map((p) => p.target), ...rows.map((r) => r.target)])].map(
    (target) => {
      const row = rows.find((r) => r.target === target);
      return { target, runAt: row ? nextTimer(row) : null };
    },
  );
  await q.writeTargets(trx, workspaceId, caseId, rows, timers, now);
  return { c, policy, rows };
}

/** The job for case.created, case.updated and message.added. Idempotent. */
export async function recomputeCaseSla(deps: Deps, workspaceId: string, caseId: string) {
  await deps.db.transaction().execute((trx) => recomputeIn(deps, trx, workspaceId, caseId));
}

export type RaisePriority = (workspaceId: string, caseId: string, priority: string) => Promise<void>;

/**
 * Records the warnings and breaches that are due for a case, as events on its timeline, then
 * schedules what comes next. Safe to run any number of times: each is recorded once.
 */
export async function fireSlaTimers(deps: Deps, workspaceId: string, caseId: string, raise?: RaisePriority) {
  const raiseTo = await deps.db.transaction().execute(async (trx) => {
    const done = await recomputeIn(deps, trx, workspaceId, caseId);
    if (!done) return null;
    const now = deps.clock.now();
    const events: { type: 'sla.warning' | 'sla.breached'; case_id: string; data: Record<string, unknown> }[] =
      [];
    for (const row of done.rows) {
      const act = timerActions(row, now);
      const data = { target: row.target, due_at: row.due_at?.toISOString() ?? null };
      if (act.warn) {
        row.warned_at = now;
        await q.markFired(trx, caseId, row.target, { warned_at: now });
        events.push({ type: 'sla.warning', case_id: caseId, data });
      }
      if (act.breach) {
        row.breached_at = now;
        await q.markFired(trx, caseId, row.target, { breached_at: now });
        const escalate = { assignee_id: done.c.assignee_id, team_id: done.c.team_id };
        events.push({ type: 'sla.breached', case_id: caseId, data: { ...data, ...escalate } });
      }
    }
    // Every target's timer, this one's included: the job that fired is used up.
    await q.moveTimers(
      trx,
      workspaceId,
      caseId,
      done.rows.map((row) => ({ target: row.target, runAt: nextTimer(row) })),
    );
    for (const e of events) e.data.notified = await escalate(trx, workspaceId, caseId, e);
    await emit(trx, { workspaceId, actor: SYSTEM, at: now }, events);
    const breached = events.some((e) => e.type === 'sla.breached');
    return breached && done.policy?.raise_priority_on_breach ? raisedPriority(done.c.priority) : null;
  });
  if (raiseTo && raise) await raise(workspaceId, caseId, raiseTo);
}

/** The safety net: catches up on every due warning or breach whose timer was lost. */
export async function sweepSla(deps: Deps, raise?: RaisePriority) {
  const due = await q.overdueCases(deps.db, deps.clock.now(), 500);
  for (const c of due) await fireSlaTimers(deps, c.workspace_id, c.case_id, raise);
  return due.length;
}

export type CaseSlaView = { target: SlaTarget; due_at: string | null; state: TargetRow['state'] };

/** A case's targets as shown with the case; the state is judged now, not when last stored. */
export const slaView = (
  rows: Pick<TargetRow, 'target' | 'due_at' | 'warn_at' | 'met_at'>[],
  now: Date,
): CaseSlaView[] =>
  rows.map((r) => ({
    target: r.target,
    due_at: isoTimeOrNull(r.due_at),
    state: stateAt(r, now),
  }));
