import {
  AutomationAction as ActionSchema,
  AUTOMATION_ACTION_TYPES,
  type AutomationAction,
  type AutomationSchedule,
  type AutomationStep,
  type AutomationTrigger,
  type CasePriority,
  type CaseStatus,
} from '@fairdesk/contract';
import jsonLogic from 'json-logic-js';

const HOUR_MS = 3_600_000;

/** A case as conditions and plans see it. */
export type CaseState = {
  status: CaseStatus;
  priority: CasePriority;
  channel: string;
  subject: string;
  tags: string[];
  team_id: string | null;
  assignee_id: string | null;
  organisation_id: string | null;
  customer_language: string;
  message_count: number;
  customer_messages: number;
  created_at: Date;
  updated_at: Date;
  status_entered_at: Date;
};

/** What the triggering event says, for conditions on the change itself. */
export type TriggerFacts = { status_from?: string; status_to?: string; sla_target?: string };

const hoursBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / HOUR_MS);

/**
 * The data a condition reads: `case.*`, `customer.language` and `event.*`. Hours are whole hours
 * (floored); the subject is lower-cased so that "contains refund" matches "Refund please".
 */
export function conditionFacts(c: CaseState, now: Date, event: TriggerFacts = {}) {
  return {
    case: {
      status: c.status,
      priority: c.priority,
      channel: c.channel,
      subject: c.subject.toLowerCase(),
      tags: c.tags,
      team_id: c.team_id,
      assignee_id: c.assignee_id,
      organisation_id: c.organisation_id,
      assigned: c.assignee_id !== null,
      message_count: c.message_count,
      customer_messages: c.customer_messages,
      hours_since_created: hoursBetween(c.created_at, now),
      hours_since_updated: hoursBetween(c.updated_at, now),
      hours_in_status: hoursBetween(c.status_entered_at, now),
    },
    customer: { language: c.customer_language },
    event,
  };
}

/** JSONLogic operations a stored condition may use (as for policies: "log" prints, so it is not here). */
const OPERATIONS = new Set(
  'var missing missing_some if ?: == === != !== ! !! or and > >= < <= max min + - * / % map filter reduce all none some merge in cat substr'.split(
    ' ',
  ),
);
const MAX_CONDITION_CHARS = 20_000;

/** Problems with a condition: unknown operations, malformed operations, too deep or too large. */
export function conditionProblems(rule: unknown, path = 'conditions', depth = 0): string[] {
  if (depth === 0 && JSON.stringify(rule ?? null).length > MAX_CONDITION_CHARS) return [`${path}: too large`];
  if (depth > 30) return [`${path}: nested too deeply`];
  if (Array.isArray(rule)) return rule.flatMap((r, i) => conditionProblems(r, `${path}[${i}]`, depth + 1));
  if (rule === null || typeof rule !== 'object') return [];
  const keys = Object.keys(rule);
  if (keys.length !== 1) return [`${path}: an operation is an object with exactly one key`];
  const op = keys[0]!;
  if (!OPERATIONS.has(op)) return [`${path}: unknown operation "${op}"`];
  return conditionProblems((rule as Record<string, unknown>)[op], `${path}.${op}`, depth + 1);
}

/** Whether a condition holds; an evaluation error is reported, never thrown (the rule does not run). */
export function conditionHolds(rule: unknown, facts: unknown): { holds: boolean; error?: string } {
  if (rule === true || rule === null || rule === undefined) return { holds: true };
  if (rule === false) return { holds: false };
  if (typeof rule === 'object' && Object.keys(rule as object).length === 0) return { holds: true };
  try {
    return { holds: jsonLogic.truthy(jsonLogic.apply(rule as jsonLogic.RulesLogic, facts)) };
  } catch (err) {
    return { holds: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export type RuleProblem = { reason: string; message: string };

/** Checks a rule's trigger, schedule, condition and actions; ids are checked by the service. */
export function ruleProblems(r: {
  trigger: AutomationTrigger;
  schedule: AutomationSchedule | null | undefined;
  conditions: unknown;
  actions: Record<string, unknown>[];
}): RuleProblem[] {
  const out: RuleProblem[] = [];
  if (r.trigger === 'schedule' && !r.schedule)
    out.push({
      reason: 'schedule_required',
      message: 'A schedule rule needs a status and a number of hours',
    });
  if (r.trigger !== 'schedule' && r.schedule)
    out.push({ reason: 'schedule_not_allowed', message: 'Only schedule rules have a schedule' });
  for (const m of conditionProblems(r.conditions)) out.push({ reason: 'invalid_condition', message: m });
  r.actions.forEach((a, i) => {
    const p = actionProblem(a, i);
    if (p) out.push(p);
  });
  return out;
}

function actionProblem(raw: Record<string, unknown>, i: number): RuleProblem | null {
  const type = raw.type;
  if (typeof type !== 'string' || !(AUTOMATION_ACTION_TYPES as readonly string[]).includes(type)) {
    return {
      reason: 'unknown_action_type',
      message: `actions[${i}]: unknown action type ${JSON.stringify(type ?? null)}; use one of ${AUTOMATION_ACTION_TYPES.join(', ')}`,
    };
  }
  const parsed = ActionSchema.safeParse(raw);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `.${issue.path.join('.')}` : '';
  return { reason: 'invalid_action', message: `actions[${i}]${where}: ${issue?.message ?? 'invalid'}` };
}

/** The actions as their schema reads them (defaults applied); call after ruleProblems is empty. */
export const parseActions = (raw: unknown): AutomationAction[] =>
  (Array.isArray(raw) ? raw : []).flatMap((a) => {
    const p = ActionSchema.safeParse(a);
    return p.success ? [p.data] : [];
  });

export type CasePatch = Partial<{
  status: CaseStatus;
  priority: CasePriority;
  team_id: string | null;
  assignee_id: string | null;
  tags: string[];
}>;

/** One planned action: a field change, a macro to send, or people to tell. */
export type PlannedStep =
  | { kind: 'update'; step: AutomationStep; patch: CasePatch }
  | { kind: 'macro'; step: AutomationStep; macro_id: string }
  | { kind: 'notify'; step: AutomationStep; action: Extract<AutomationAction, { type: 'notify' }> };

export type Plan = { steps: PlannedStep[]; skipped: AutomationStep[] };

export type PlanContext = {
  /** The case rules' transition check (features/cases), for the system acting as staff. */
  canTransition: (from: CaseStatus, to: CaseStatus) => boolean;
  /** Names for summaries ("assign to team Billing"); ids are shown when a name is unknown. */
  names?: Record<string, string>;
};

const skip = (type: string, summary: string, reason: string): AutomationStep => ({ type, summary, reason });

/**
 * What the actions would do to the case, in order, each seeing the changes of those before it.
 * An action that would change nothing is skipped (`already_so`), as is a status change the case
 * rules do not allow (`transition_not_allowed`); a closed case takes no action (`case_closed`).
 */
export function planActions(actions: AutomationAction[], c: CaseState, ctx: PlanContext): Plan {
  const plan: Plan = { steps: [], skipped: [] };
  const name = (id: string | null) => (id ? (ctx.names?.[id] ?? id) : 'nobody');
  let state = { ...c, tags: [...c.tags] };
  for (const a of actions) {
    if (state.status === 'closed') {
      plan.skipped.push(skip(a.type, describeAction(a, name), 'case_closed'));
      continue;
    }
    const r = planOne(a, state, ctx, name);
    if ('reason' in r) plan.skipped.push(r.reason);
    else {
      plan.steps.push(r.planned);
      if (r.planned.kind === 'update') state = { ...state, ...r.planned.patch };
    }
  }
  return plan;
}

type One = { planned: PlannedStep } | { reason: AutomationStep };
type Namer = (id: string | null) => string;

function planOne(a: AutomationAction, s: CaseState, ctx: PlanContext, name: Namer): One {
  const summary = describeAction(a, name);
  const update = (patch: CasePatch): One => ({
    planned: { kind: 'update', step: { type: a.type, summary }, patch },
  });
  const already = (): One => ({ reason: skip(a.type, summary, 'already_so') });
  switch (a.type) {
    case 'set_status':
      if (s.status === a.status) return already();
      if (!ctx.canTransition(s.status, a.status))
        return { reason: skip(a.type, `${summary} (from ${s.status})`, 'transition_not_allowed') };
      return update({ status: a.status });
    case 'set_priority':
      return s.priority === a.priority ? already() : update({ priority: a.priority });
    case 'assign': {
      const patch: CasePatch = {};
      if (a.team_id !== undefined && a.team_id !== s.team_id) patch.team_id = a.team_id;
      if (a.assignee_id !== undefined && a.assignee_id !== s.assignee_id) patch.assignee_id = a.assignee_id;
      return Object.keys(patch).length === 0 ? already() : update(patch);
    }
    case 'add_tags': {
      const added = a.tags.filter((t) => !s.tags.includes(t));
      return added.length === 0 ? already() : update({ tags: [...s.tags, ...added] });
    }
    case 'remove_tags': {
      const kept = s.tags.filter((t) => !a.tags.includes(t));
      return kept.length === s.tags.length ? already() : update({ tags: kept });
    }
    case 'send_macro':
      return { planned: { kind: 'macro', step: { type: a.type, summary }, macro_id: a.macro_id } };
    case 'notify':
      return { planned: { kind: 'notify', step: { type: a.type, summary }, action: a } };
  }
}

const NOTIFY_WHO = {
  assignee: 'the assignee',
  team_supervisors: 'the team’s supervisors',
  assignee_and_supervisors: 'the assignee and the team’s supervisors',
  staff: 'named staff',
} as const;

/** An action in words, for runs, dry runs and the timeline. */
export function describeAction(a: AutomationAction, name: Namer = (id) => id ?? 'nobody'): string {
  switch (a.type) {
    case 'set_status':
      return `set status to ${a.status.replace('_', ' ')}`;
    case 'set_priority':
      return `set priority to ${a.priority}`;
    case 'assign': {
      const parts = [];
      if (a.team_id !== undefined) parts.push(a.team_id ? `team ${name(a.team_id)}` : 'no team');
      if (a.assignee_id !== undefined) parts.push(a.assignee_id ? name(a.assignee_id) : 'nobody');
      return `assign to ${parts.join(' and ')}`;
    }
    case 'add_tags':
      return `add tag${a.tags.length > 1 ? 's' : ''} ${a.tags.join(', ')}`;
    case 'remove_tags':
      return `remove tag${a.tags.length > 1 ? 's' : ''} ${a.tags.join(', ')}`;
    case 'send_macro':
      return `send the macro ${name(a.macro_id)}`;
    case 'notify':
      return a.to === 'staff'
        ? `notify ${(a.staff_ids ?? []).map((id) => name(id)).join(', ')}`
        : `notify ${NOTIFY_WHO[a.to]}`;
  }
}

/** A schedule run's cause: the status entry it belongs to, so each entry runs a rule once. */
export const scheduleCause = (status: CaseStatus, enteredAt: Date) =>
  `status:${status}@${enteredAt.toISOString()}`;

/** The latest status entry time a schedule rule picks now. */
export const scheduleCutoff = (s: AutomationSchedule, now: Date) =>
  new Date(now.getTime() - s.after_hours * HOUR_MS);
