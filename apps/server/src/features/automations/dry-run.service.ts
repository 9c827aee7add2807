import type { AutomationDryRunResult, AutomationSchedule } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import type { StaffActor } from '../../infra/actor.ts';
import { canTransition } from '../cases/index.ts';
import * as q from './automations.queries.ts';
import {
  conditionFacts,
  conditionHolds,
  parseActions,
  planActions,
  scheduleCutoff,
} from './automations.rules.ts';
import { assertRuleSound, getAutomation, type RuleInput } from './automations.service.ts';
import { idsIn, stateOf } from './run.service.ts';
import { SWEEP_BATCH } from './schedule.service.ts';

/** How many recent cases an event rule is tried on. */
export const DRY_RUN_CASES = 200;

type DryRule = {
  trigger: RuleInput['trigger'];
  schedule: AutomationSchedule | null;
  conditions: unknown;
  actions: unknown;
  cursor: { at: Date; id: string } | null;
};

/**
 * What a rule (saved, or as written) would do now, changing nothing: an event rule is tried on the
 * workspace's 200 most recently active cases, a schedule rule on the cases its next sweep would
 * pick. Conditions on the triggering event itself (`event.*`) read as unknown here.
 */
export async function dryRun(
  deps: Deps,
  actor: StaffActor,
  body: { rule_id: string } | { rule: RuleInput },
): Promise<AutomationDryRunResult> {
  const rule =
    'rule_id' in body
      ? await savedRule(deps, actor, body.rule_id)
      : await unsavedRule(deps, actor, body.rule);
  const now = deps.clock.now();
  const rows =
    rule.trigger === 'schedule' && rule.schedule
      ? await q.dueCaseStates(deps.db, {
          workspaceId: actor.workspaceId,
          status: rule.schedule.status,
          cutoff: scheduleCutoff(rule.schedule, now),
          after: rule.cursor,
          limit: SWEEP_BATCH,
        })
      : await q.recentCaseStates(deps.db, actor.workspaceId, DRY_RUN_CASES);
  const actions = parseActions(rule.actions);
  const names = await q.namesOf(deps.db, actor.workspaceId, idsIn(rule.actions));
  const errors = new Set<string>();
  const cases: AutomationDryRunResult['cases'] = [];
  for (const row of rows) {
    const state = stateOf(row);
    const c = conditionHolds(rule.conditions, conditionFacts(state, now));
    if (c.error) errors.add(c.error);
    if (!c.holds) continue;
    const plan = planActions(actions, state, {
      canTransition: (a, b) => canTransition(a, b, 'staff'),
      names,
    });
    cases.push({
      case_id: row.id,
      number: row.number,
      subject: row.subject,
      status: row.status,
      planned: plan.steps.map((s) => s.step),
      skipped: plan.skipped,
    });
  }
  return { considered: rows.length, matched: cases.length, cases, condition_errors: [...errors].slice(0, 5) };
}

async function savedRule(deps: Deps, actor: StaffActor, id: string): Promise<DryRule> {
  const r = await getAutomation(deps, actor, id);
  return {
    trigger: r.trigger,
    schedule: r.schedule as AutomationSchedule | null,
    conditions: r.conditions,
    actions: r.actions,
    cursor: r.sweep_after_at && r.sweep_after_id ? { at: r.sweep_after_at, id: r.sweep_after_id } : null,
  };
}

async function unsavedRule(deps: Deps, actor: StaffActor, input: RuleInput): Promise<DryRule> {
  await assertRuleSound(deps.db, actor.workspaceId, input);
  return { ...input, schedule: input.schedule ?? null, cursor: null };
}
