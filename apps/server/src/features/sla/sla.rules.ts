import type { CaseStatus } from '@fairdesk/contract';
import jsonLogic from 'json-logic-js';
import { addBusinessMinutes, businessMinutesBetween, type Calendar } from './business-hours.rules.ts';

export const SLA_TARGETS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];
export type SlaState = 'on_track' | 'at_risk' | 'breached' | 'met' | 'paused';
export type TargetSpec = { minutes: number; business: boolean };

export type SlaPolicy = {
  id: string;
  conditions: unknown;
  targets: Partial<Record<SlaTarget, TargetSpec>>;
  pause_statuses: CaseStatus[];
  warn_before_minutes: number;
  raise_priority_on_breach: boolean;
};

/** What policy conditions may look at. */
export type CaseFacts = {
  priority: string;
  channel: string;
  organisation_id: string | null;
  team_id: string | null;
  tags: string[];
};

/** A case's history as far as service levels care. */
export type CaseHistory = {
  created_at: Date;
  /** Every status the case has had, from its creation, in order. */
  statuses: { at: Date; status: CaseStatus }[];
  /** Public messages, in order. */
  messages: { at: Date; author: 'customer' | 'staff' | 'system' }[];
};

export type TargetRow = {
  target: SlaTarget;
  policy_id: string;
  minutes: number;
  business: boolean;
  started_at: Date;
  due_at: Date | null;
  warn_at: Date | null;
  state: SlaState;
  paused_at: Date | null;
  met_at: Date | null;
  warned_at: Date | null;
  breached_at: Date | null;
};

const STOPPED: CaseStatus[] = ['solved', 'closed'];

/** The first active policy (in the given order) whose conditions hold for the case. */
export function pickPolicy<P extends SlaPolicy>(policies: P[], facts: CaseFacts): P | null {
  for (const p of policies) {
    const c = p.conditions;
    const empty =
      c === null || c === true || (typeof c === 'object' && Object.keys(c as object).length === 0);
    if (empty || jsonLogic.truthy(jsonLogic.apply(c as jsonLogic.RulesLogic, facts))) return p;
  }
  return null;
}

type Clockwork = { add: (from: Date, minutes: number) => Date; between: (a: Date, b: Date) => number };

/** Business time when the target says so and there is a calendar, otherwise wall-clock time. */
export function clockwork(spec: TargetSpec, calendar: Calendar | null): Clockwork {
  if (spec.business && calendar) {
    return {
      add: (from, m) => addBusinessMinutes(calendar, from, m),
      between: (a, b) => businessMinutesBetween(calendar, a, b),
    };
  }
  return {
    add: (from, m) => new Date(from.getTime() + m * 60_000),
    between: (a, b) => (b.getTime() - a.getTime()) / 60_000,
  };
}

type Segment = { start: Date; end: Date | null };

/** The stretches after `from` in which the clock runs: not paused, not solved. */
export function runningSegments(history: CaseHistory, from: Date, paused: CaseStatus[]): Segment[] {
  const out: Segment[] = [];
  history.statuses.forEach((s, i) => {
    const next = history.statuses[i + 1];
    const end = next ? next.at : null;
    if (end && end <= from) return;
    if (paused.includes(s.status) || STOPPED.includes(s.status)) return;
    const start = s.at < from ? from : s.at;
    const last = out.at(-1);
    if (last?.end && last.end.getTime() === start.getTime()) last.end = end;
    else out.push({ start, end });
  });
  return out;
}

/** When `minutes` of running time are used up, or null if the clock is stopped before that. */
export function dueTime(segments: Segment[], minutes: number, clock: Clockwork): Date | null {
  let left = minutes;
  for (const seg of segments) {
    const candidate = clock.add(seg.start, left);
    if (!seg.end || candidate <= seg.end) return candidate;
    left -= clock.between(seg.start, seg.end);
  }
  return null;
}

/** The current next-response cycle: a customer message after a staff reply, and the reply to it. */
export function nextResponseCycle(history: CaseHistory): { start: Date; met_at: Date | null } | null {
  let staffReplied = false;
  let cycle: { start: Date; met_at: Date | null } | null = null;
  for (const m of history.messages) {
    if (m.author === 'staff') {
      if (cycle && !cycle.met_at) cycle.met_at = m.at;
      staffReplied = true;
    } else if (m.author === 'customer' && staffReplied && (!cycle || cycle.met_at)) {
      cycle = { start: m.at, met_at: null };
    }
  }
  return cycle;
}

function startAndMet(target: SlaTarget, history: CaseHistory): { start: Date; met_at: Date | null } | null {
  if (target === 'next_response') return nextResponseCycle(history);
  if (target === 'first_response') {
    const reply = history.messages.find((m) => m.author === 'staff');
    return { start: history.created_at, met_at: reply?.at ?? null };
  }
  const current = history.statuses.at(-1);
  return {
    start: history.created_at,
    met_at: current && STOPPED.includes(current.status) ? current.at : null,
  };
}

export function stateAt(row: Pick<TargetRow, 'met_at' | 'due_at' | 'warn_at'>, now: Date): SlaState {
  if (row.met_at) return 'met';
  if (!row.due_at) return 'paused';
  if (now >= row.due_at) return 'breached';
  if (row.warn_at && now >= row.warn_at) return 'at_risk';
  return 'on_track';
}

/**
 * The case's targets under a policy, from its whole history: idempotent, so it can run after any
 * event. Warnings and breaches already recorded carry over while the deadline they were for stands.
 */
export function computeTargets(
  policy: SlaPolicy,
  calendar: Calendar | null,
  history: CaseHistory,
  now: Date,
  previous: Pick<TargetRow, 'target' | 'started_at' | 'due_at' | 'warned_at' | 'breached_at'>[],
): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const target of SLA_TARGETS) {
    const spec = policy.targets[target];
    const cycle = spec ? startAndMet(target, history) : null;
    if (!spec || !cycle) continue;
    const segments = runningSegments(history, cycle.start, policy.pause_statuses);
    const until = cycle.met_at ? segments.filter((s) => s.start < (cycle.met_at as Date)) : segments;
    const due = dueTime(until, spec.minutes, clockwork(spec, calendar));
    const warn = due ? new Date(due.getTime() - policy.warn_before_minutes * 60_000) : null;
    const before = previous.find((p) => p.target === target);
    const same =
      before &&
      before.started_at.getTime() === cycle.start.getTime() &&
      (before.due_at?.getTime() === due?.getTime() || (due !== null && due <= now));
    const lastRunning = segments.at(-1);
    const row: TargetRow = {
      target,
      policy_id: policy.id,
      minutes: spec.minutes,
      business: spec.business,
      started_at: cycle.start,
      due_at: due,
      warn_at: warn,
      state: 'on_track',
      paused_at: !due && !cycle.met_at ? (lastRunning?.end ?? cycle.start) : null,
      met_at: cycle.met_at,
      warned_at: same ? before.warned_at : null,
      breached_at: same ? before.breached_at : null,
    };
    row.state = stateAt(row, now);
    rows.push(row);
  }
  return rows;
}

const ROW_FIELDS = [
  'target',
  'policy_id',
  'minutes',
  'business',
  'started_at',
  'due_at',
  'warn_at',
  'state',
  'paused_at',
  'met_at',
  'warned_at',
  'breached_at',
] as const satisfies readonly (keyof TargetRow)[];

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/**
 * Whether a recompute changed nothing: the same targets with the same values (in any order). Most
 * events (a tag, a second reply, a field no policy looks at) leave the targets as they were; then a
 * recompute need not write them, nor move their timers, which follow from them (nextTimer).
 */
type Stored = Record<(typeof ROW_FIELDS)[number], unknown>;
export function sameTargets(previous: Stored[], rows: Stored[]): boolean {
  if (previous.length !== rows.length) return false;
  return rows.every((row) => {
    const before = previous.find((p) => p.target === row.target);
    return before !== undefined && ROW_FIELDS.every((f) => sameValue(before[f], row[f]));
  });
}

/** What is due to happen for a target: a warning, a breach, or nothing yet. */
export function timerActions(row: TargetRow, now: Date): { warn: boolean; breach: boolean } {
  const running = !row.met_at && row.due_at !== null;
  return {
    warn:
      running && !row.warned_at && row.warn_at !== null && now >= row.warn_at && now < (row.due_at as Date),
    breach: running && !row.breached_at && now >= (row.due_at as Date),
  };
}

/** The next moment a timer must look at this target, or null when nothing more can happen. */
export function nextTimer(row: TargetRow): Date | null {
  if (row.met_at || !row.due_at) return null;
  // A warning skipped because the breach came first is never due again (else the timer loops).
  if (!row.warned_at && !row.breached_at && row.warn_at && row.warn_at < row.due_at) return row.warn_at;
  if (!row.breached_at) return row.due_at;
  return null;
}

const PRIORITY_UP: Record<string, string> = { low: 'normal', normal: 'high', high: 'urgent' };
/** One step up, or null when already urgent. */
export const raisedPriority = (p: string) => PRIORITY_UP[p] ?? null;
