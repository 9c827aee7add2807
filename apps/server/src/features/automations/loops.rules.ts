// Loop prevention: automations must not keep triggering each other or themselves.

/** A rule runs at most this often per case in any 24 hours, whatever triggers it. */
export const MAX_RUNS_PER_DAY = 3;
/** A chain of automation runs (a run's change triggering another rule) stops at this many. */
export const MAX_DEPTH = 5;

/** Where an event came from, as far as loops are concerned. */
export type Cause = {
  /** The rule whose run made the event, if an automation made it. */
  rule_id: string | null;
  /** How many automation runs led to the event (0 for a person's or the system's own change). */
  depth: number;
};

export type LoopVerdict =
  | { run: true; depth: number }
  | { run: false; reason: 'own_change' | 'chain_too_deep' | 'daily_cap' };

/**
 * Whether a rule may run for an event. A rule never runs on its own change; a chain of runs stops
 * at MAX_DEPTH; and a rule runs at most MAX_RUNS_PER_DAY times per case in any 24 hours, so two
 * rules that undo each other stop too.
 */
export function loopVerdict(ruleId: string, cause: Cause, runsLastDay: number): LoopVerdict {
  if (cause.rule_id === ruleId) return { run: false, reason: 'own_change' };
  const depth = cause.depth + 1;
  if (depth > MAX_DEPTH) return { run: false, reason: 'chain_too_deep' };
  if (runsLastDay >= MAX_RUNS_PER_DAY) return { run: false, reason: 'daily_cap' };
  return { run: true, depth };
}

/** The cause of an event from its data (`automation_rule_id`, `automation_depth`). */
export function causeOf(data: Record<string, unknown> | null | undefined, knownDepth?: number): Cause {
  const ruleId = typeof data?.automation_rule_id === 'string' ? data.automation_rule_id : null;
  const depth =
    typeof data?.automation_depth === 'number' ? data.automation_depth : ruleId ? (knownDepth ?? 1) : 0;
  return { rule_id: ruleId, depth };
}
