import type { AutomationSchedule } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import * as q from './automations.queries.ts';
import { scheduleCause, scheduleCutoff } from './automations.rules.ts';
import { runRule } from './run.service.ts';

/** Cases one schedule rule looks at per sweep; more wait for the next sweep, which comes soon. */
export const SWEEP_BATCH = 200;
/** Schedule rules looked at per sweep (of all workspaces). */
const MAX_RULES = 1000;

export const scheduleOf = (rule: q.RuleRow) => rule.schedule as AutomationSchedule | null;

/**
 * One pass over every active schedule rule: the cases that have been in the rule's status for its
 * hours, not yet looked at (after the rule's cursor), oldest status entry first, at most
 * SWEEP_BATCH per rule. Each is run once for that status entry (the run's cause), and the cursor
 * moves past it whether the condition held or not: conditions are read when the time has come.
 * Returns how many rules ran and whether a rule had more due cases than one batch.
 */
export async function sweepSchedules(deps: Deps): Promise<{ ran: number; more: boolean }> {
  const rules = await q.activeScheduleRules(deps.db, MAX_RULES);
  let ran = 0;
  let more = false;
  for (const rule of rules) {
    const schedule = scheduleOf(rule);
    if (!schedule) continue;
    const due = await q.dueCaseStates(deps.db, {
      workspaceId: rule.workspace_id,
      status: schedule.status,
      cutoff: scheduleCutoff(schedule, deps.clock.now()),
      after:
        rule.sweep_after_at && rule.sweep_after_id
          ? { at: rule.sweep_after_at, id: rule.sweep_after_id }
          : null,
      limit: SWEEP_BATCH,
    });
    for (const c of due) {
      const outcome = await runRule(deps, rule, {
        workspaceId: rule.workspace_id,
        caseId: c.id,
        trigger: 'schedule',
        cause: scheduleCause(c.status, c.status_entered_at),
        from: { rule_id: null, depth: 0 },
        facts: {},
        expect: { status: c.status, entered_at: c.status_entered_at },
      });
      if (outcome.ran) ran += 1;
    }
    const last = due.at(-1);
    if (last) await q.setSweepCursor(deps.db, rule, last.status_entered_at, last.id);
    if (due.length === SWEEP_BATCH) more = true;
  }
  return { ran, more };
}
