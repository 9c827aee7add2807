import type { AutomationAction, AutomationStep } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import type { SystemActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { updateCaseIn } from '../cases/index.ts';
import { sendMacroAsSystemIn } from '../macros/index.ts';
import { notifyAndName, whoToTell } from '../notifications/index.ts';
import * as q from './automations.queries.ts';
import type { CasePatch, Plan } from './automations.rules.ts';

/** What the run marks its changes with, so that loops can be seen (see loopVerdict). */
export type RunMarker = { automation_rule_id: string; automation_depth: number };

type Applied = { done: AutomationStep[]; skipped: AutomationStep[] };

/**
 * Carries out a plan in the caller's transaction, in order, as the system. Consecutive field
 * changes go to the cases feature as one update (one timeline entry, marked with the rule); a
 * macro or a notification first applies the changes before it.
 */
export async function applyPlan(
  deps: Deps,
  trx: Executor,
  at: { workspaceId: string; caseId: string; ruleName: string },
  plan: Plan,
  marker: RunMarker,
): Promise<Applied> {
  const system: SystemActor = { kind: 'system', workspaceId: at.workspaceId };
  const out: Applied = { done: [], skipped: [...plan.skipped] };
  let patch: CasePatch = {};
  let pending: AutomationStep[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await updateCaseIn(deps, trx, system, at.caseId, patch, { eventData: { ...marker } });
    out.done.push(...pending);
    patch = {};
    pending = [];
  };
  for (const s of plan.steps) {
    if (s.kind === 'update') {
      patch = { ...patch, ...s.patch };
      pending.push(s.step);
      continue;
    }
    await flush();
    if (s.kind === 'macro') out.done.push(await sendMacro(deps, trx, at, s.macro_id, s.step, marker));
    else {
      const told = await notify(trx, at, s.action, marker);
      if (told === 0) out.skipped.push({ ...s.step, reason: 'nobody_to_notify' });
      else
        out.done.push({
          ...s.step,
          summary: `${s.step.summary} (${told} ${told === 1 ? 'person' : 'people'})`,
        });
    }
  }
  await flush();
  return out;
}

async function sendMacro(
  deps: Deps,
  trx: Executor,
  at: { workspaceId: string; caseId: string },
  macroId: string,
  step: AutomationStep,
  marker: RunMarker,
): Promise<AutomationStep> {
  const sent = await sendMacroAsSystemIn(deps, trx, {
    workspaceId: at.workspaceId,
    caseId: at.caseId,
    macroId,
    automationRuleId: marker.automation_rule_id,
  });
  const what = [sent.messageId ? 'message sent' : null, ...sent.changes].filter(Boolean).join(', ');
  return what ? { ...step, summary: `${step.summary} (${what})` } : step;
}

async function notify(
  trx: Executor,
  at: { workspaceId: string; caseId: string; ruleName: string },
  a: Extract<AutomationAction, { type: 'notify' }>,
  marker: RunMarker,
): Promise<number> {
  let staffIds: string[];
  if (a.to === 'staff') staffIds = a.staff_ids ?? [];
  else {
    const scope = a.to === 'assignee' ? 'assignee' : 'assignee_and_supervisors';
    const people = await whoToTell(trx, at.workspaceId, at.caseId, scope);
    const assigneeId =
      a.to === 'team_supervisors' ? await q.caseAssignee(trx, at.workspaceId, at.caseId) : null;
    staffIds = people.filter((p) => p.id !== assigneeId).map((p) => p.id);
  }
  if (staffIds.length === 0) return 0;
  const told = await notifyAndName(trx, {
    workspaceId: at.workspaceId,
    staffIds,
    caseId: at.caseId,
    kind: 'automation',
    title: a.title,
    ...(a.body ? { body: a.body } : {}),
    data: { rule_id: marker.automation_rule_id, rule_name: at.ruleName },
  });
  return told.length;
}
