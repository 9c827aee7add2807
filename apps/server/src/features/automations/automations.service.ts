import type { AutomationAction, AutomationWrite } from '@fairdesk/contract';
import type { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import * as q from './automations.queries.ts';
import { parseActions, ruleProblems } from './automations.rules.ts';
import * as runs from './runs.queries.ts';

export type RuleInput = z.output<typeof AutomationWrite>;

const unprocessable = (reason: string, message: string, problems?: string[]) =>
  new AppError('unprocessable', message, { reason, details: problems ? { problems } : undefined });

/** The ids an action names, by the table they must be found in. */
function referencedIds(actions: AutomationAction[]) {
  const staff = new Set<string>();
  const teams = new Set<string>();
  const macros = new Set<string>();
  for (const a of actions) {
    if (a.type === 'assign') {
      if (a.team_id) teams.add(a.team_id);
      if (a.assignee_id) staff.add(a.assignee_id);
    }
    if (a.type === 'notify') for (const id of a.staff_ids ?? []) staff.add(id);
    if (a.type === 'send_macro') macros.add(a.macro_id);
  }
  return { staff: [...staff], teams: [...teams], macros: [...macros] };
}

/**
 * Checks a rule as written: trigger and schedule agree, the condition is JSONLogic we run, every
 * action is known and well formed, and every staff member, team and macro it names is one of the
 * workspace's (another workspace's id reads as unknown). The first problem's reason is the answer's.
 */
export async function assertRuleSound(db: Executor, workspaceId: string, input: RuleInput) {
  const problems = ruleProblems({ ...input, schedule: input.schedule ?? null });
  if (problems.length > 0) {
    throw unprocessable(
      problems[0]!.reason,
      problems.map((p) => p.message).join('; '),
      problems.map((p) => p.message),
    );
  }
  const actions = parseActions(input.actions);
  const ids = referencedIds(actions);
  const checks = [
    ['staff', ids.staff, 'unknown_staff', 'staff member'],
    ['teams', ids.teams, 'unknown_team', 'team'],
    ['macros', ids.macros, 'unknown_macro', 'macro'],
  ] as const;
  for (const [table, wanted, reason, what] of checks) {
    const found = await q.existingIds(db, table, workspaceId, wanted);
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length > 0) throw unprocessable(reason, `No ${what} ${missing.join(', ')} in this workspace`);
  }
  return actions;
}

const stored = (input: RuleInput) => ({
  name: input.name,
  trigger: input.trigger,
  schedule: input.trigger === 'schedule' && input.schedule ? JSON.stringify(input.schedule) : null,
  conditions: JSON.stringify(input.conditions),
  actions: JSON.stringify(input.actions),
  active: input.active,
});

export const listAutomations = (deps: Deps, actor: StaffActor) => q.listRules(deps.db, actor.workspaceId);

export async function getAutomation(deps: Deps, actor: StaffActor, id: string) {
  const row = await q.findRule(deps.db, actor.workspaceId, id);
  if (!row) throw notFound('Automation');
  return row;
}

export async function createAutomation(deps: Deps, actor: StaffActor, input: RuleInput) {
  return deps.db.transaction().execute(async (trx) => {
    await assertRuleSound(trx, actor.workspaceId, input);
    const at = deps.clock.now();
    const position = await q.nextPosition(trx, actor.workspaceId);
    const row = await q.insertRule(trx, {
      workspace_id: actor.workspaceId,
      ...stored(input),
      position,
      created_at: at,
      updated_at: at,
    });
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      { type: 'automation.created', data: { rule_id: row.id, name: row.name, trigger: row.trigger } },
    ]);
    return row;
  });
}

/**
 * Replaces a rule's definition. A schedule rule's sweep starts over from the oldest case in the
 * status: an edited rule looks at every case again (a run already made for a status entry is not
 * repeated).
 */
export async function updateAutomation(deps: Deps, actor: StaffActor, id: string, input: RuleInput) {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await q.findRule(trx, actor.workspaceId, id))) throw notFound('Automation');
    await assertRuleSound(trx, actor.workspaceId, input);
    const at = deps.clock.now();
    const row = await q.updateRule(trx, actor.workspaceId, id, {
      ...stored(input),
      sweep_after_at: null,
      sweep_after_id: null,
      updated_at: at,
    });
    if (!row) throw notFound('Automation');
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      { type: 'automation.updated', data: { rule_id: id, name: row.name, trigger: row.trigger } },
    ]);
    return row;
  });
}

export async function setAutomationActive(deps: Deps, actor: StaffActor, id: string, active: boolean) {
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now();
    const row = await q.updateRule(trx, actor.workspaceId, id, { active, updated_at: at });
    if (!row) throw notFound('Automation');
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      { type: 'automation.updated', data: { rule_id: id, name: row.name, active } },
    ]);
    return row;
  });
}

export async function deleteAutomation(deps: Deps, actor: StaffActor, id: string) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await q.findRule(trx, actor.workspaceId, id);
    if (!row || !(await q.deleteRule(trx, actor.workspaceId, id))) throw notFound('Automation');
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at: deps.clock.now() }, [
      { type: 'automation.deleted', data: { rule_id: id, name: row.name } },
    ]);
  });
}

/** Puts the workspace's rules in the given order; `ids` must be exactly its rules. */
export async function reorderAutomations(deps: Deps, actor: StaffActor, ids: string[]) {
  return deps.db.transaction().execute(async (trx) => {
    const rules = await q.lockRules(trx, actor.workspaceId);
    const known = new Set(rules.map((r) => r.id));
    if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
      throw unprocessable('reorder_mismatch', 'Give every automation rule of the workspace exactly once');
    }
    const at = deps.clock.now();
    for (const [i, id] of ids.entries()) await q.setPosition(trx, id, i + 1, at);
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      { type: 'automation.updated', data: { order: ids } },
    ]);
    return q.listRules(trx, actor.workspaceId);
  });
}

export async function listCaseRuns(deps: Deps, actor: StaffActor, caseId: string) {
  if (!(await q.caseInWorkspace(deps.db, actor.workspaceId, caseId))) throw notFound('Case');
  return runs.listRunsOfCase(deps.db, actor.workspaceId, caseId, 100);
}
