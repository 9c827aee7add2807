import type { AutomationStep, AutomationTrigger, CaseStatus } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError } from '../../infra/errors.ts';
import { canTransition } from '../cases/index.ts';
import { applyPlan } from './actions.service.ts';
import * as q from './automations.queries.ts';
import {
  type CaseState,
  conditionFacts,
  conditionHolds,
  parseActions,
  planActions,
  type TriggerFacts,
} from './automations.rules.ts';
import { type Cause, loopVerdict } from './loops.rules.ts';
import * as runs from './runs.queries.ts';

const DAY_MS = 86_400_000;
const SYSTEM = { kind: 'system' as const, id: null };

/** Why a rule is being run for a case now. */
export type RunRequest = {
  workspaceId: string;
  caseId: string;
  trigger: AutomationTrigger;
  /** `event:<id>` or a schedule's status entry: a rule runs once per case and cause. */
  cause: string;
  from: Cause;
  facts: TriggerFacts;
  /** Schedule rules: the status entry the sweep saw; the run is dropped if the case has moved on. */
  expect?: { status: CaseStatus; entered_at: Date };
};

export type RunOutcome =
  | { ran: true; runId: string; done: AutomationStep[]; skipped: AutomationStep[]; error: string | null }
  | { ran: false; reason: string };

export const stateOf = (row: q.CaseStateRow): CaseState => ({
  ...row,
  customer_messages: row.customer_messages ?? 0,
});

const sameMoment = (a: Date, b: Date) => a.getTime() === b.getTime();

/**
 * Runs one rule for one case, in one transaction: the case is locked, loops are checked, the
 * condition is evaluated on the case as it is now, the run is claimed (unique per rule, case and
 * cause, so a retried job does nothing twice), its actions applied as the system, and the run
 * recorded in automation_runs and on the case's timeline (`automation.ran`). An action the case
 * refuses (a closed case, a transition another writer made impossible) fails the run: its changes
 * roll back and the failure is recorded once, instead of the job retrying forever.
 */
export async function runRule(deps: Deps, rule: q.RuleRow, r: RunRequest): Promise<RunOutcome> {
  try {
    return await deps.db.transaction().execute((trx) => attempt(deps, trx, rule, r));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return deps.db.transaction().execute((trx) => recordFailure(deps, trx, rule, r, err.message));
  }
}

async function attempt(deps: Deps, trx: Executor, rule: q.RuleRow, r: RunRequest): Promise<RunOutcome> {
  if (!(await q.lockCaseRow(trx, r.workspaceId, r.caseId))) return { ran: false, reason: 'case_not_found' };
  const row = await q.findCaseState(trx, r.workspaceId, r.caseId);
  if (!row) return { ran: false, reason: 'case_not_found' };
  if (r.expect && (row.status !== r.expect.status || !sameMoment(row.status_entered_at, r.expect.entered_at)))
    return { ran: false, reason: 'case_moved_on' };
  const now = deps.clock.now();
  const lastDay = await runs.countRunsSince(trx, rule.id, r.caseId, new Date(now.getTime() - DAY_MS));
  const verdict = loopVerdict(rule.id, r.from, lastDay);
  if (!verdict.run) return { ran: false, reason: verdict.reason };
  const state = stateOf(row);
  const c = conditionHolds(rule.conditions, conditionFacts(state, now, r.facts));
  if (c.error) deps.log.warn({ rule_id: rule.id, error: c.error }, 'automation condition failed');
  if (!c.holds) return { ran: false, reason: c.error ? 'condition_error' : 'condition_not_met' };
  const claimed = await runs.claimRun(trx, {
    workspace_id: r.workspaceId,
    rule_id: rule.id,
    case_id: r.caseId,
    trigger: r.trigger,
    cause: r.cause,
    depth: verdict.depth,
    created_at: now,
  });
  if (!claimed) return { ran: false, reason: 'already_ran' };
  const actions = parseActions(rule.actions);
  const names = await q.namesOf(trx, r.workspaceId, idsIn(rule.actions));
  const plan = planActions(actions, state, { canTransition: (a, b) => canTransition(a, b, 'staff'), names });
  const marker = { automation_rule_id: rule.id, automation_depth: verdict.depth };
  const applied = await applyPlan(
    deps,
    trx,
    { workspaceId: r.workspaceId, caseId: r.caseId, ruleName: rule.name },
    plan,
    marker,
  );
  await record(trx, { runId: claimed.id, rule, r, at: now, ...applied, error: null });
  return { ran: true, runId: claimed.id, ...applied, error: null };
}

/** A run whose actions the case refused: recorded, with nothing done, once per cause. */
async function recordFailure(
  deps: Deps,
  trx: Executor,
  rule: q.RuleRow,
  r: RunRequest,
  error: string,
): Promise<RunOutcome> {
  const now = deps.clock.now();
  const claimed = await runs.claimRun(trx, {
    workspace_id: r.workspaceId,
    rule_id: rule.id,
    case_id: r.caseId,
    trigger: r.trigger,
    cause: r.cause,
    depth: r.from.depth + 1,
    created_at: now,
  });
  if (!claimed) return { ran: false, reason: 'already_ran' };
  await record(trx, { runId: claimed.id, rule, r, at: now, done: [], skipped: [], error });
  return { ran: true, runId: claimed.id, done: [], skipped: [], error };
}

async function record(
  trx: Executor,
  x: {
    runId: string;
    rule: q.RuleRow;
    r: RunRequest;
    at: Date;
    done: AutomationStep[];
    skipped: AutomationStep[];
    error: string | null;
  },
) {
  await runs.finishRun(trx, x.runId, {
    done: JSON.stringify(x.done),
    skipped: JSON.stringify(x.skipped),
    error: x.error,
  });
  await emit(trx, { workspaceId: x.r.workspaceId, actor: SYSTEM, at: x.at }, [
    {
      type: 'automation.ran',
      case_id: x.r.caseId,
      data: {
        run_id: x.runId,
        rule_id: x.rule.id,
        rule_name: x.rule.name,
        trigger: x.r.trigger,
        done: x.done.map((s) => s.summary),
        skipped: x.skipped.map((s) => ({ summary: s.summary, reason: s.reason })),
        ...(x.error ? { error: x.error } : {}),
      },
    },
  ]);
}

/** Every id an action list names (for the names in summaries). */
export function idsIn(actions: unknown): string[] {
  const ids = new Set<string>();
  for (const a of Array.isArray(actions) ? actions : []) {
    const x = a as Record<string, unknown>;
    for (const k of ['team_id', 'assignee_id', 'macro_id'])
      if (typeof x[k] === 'string') ids.add(x[k] as string);
    if (Array.isArray(x.staff_ids)) for (const id of x.staff_ids) if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}
