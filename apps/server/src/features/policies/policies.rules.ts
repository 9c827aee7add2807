import type {
  Authority,
  DecisionBasis,
  DecisionOutcome,
  PolicyEffect,
  PolicyLayer,
  PolicyStrength,
  RequestKind,
  StaffRole,
  TraceResult,
} from '@fairdesk/contract';
import jsonLogic from 'json-logic-js';
import { higherRole, ladderVerdict } from './authority.rules.ts';
import { engineData, renderTemplate } from './templates.rules.ts';

/** One policy version as the engine reads it. */
export type EnginePolicy = {
  policy_id: string;
  version_id: string;
  version: number;
  name: string;
  layer: PolicyLayer;
  strength: PolicyStrength;
  kinds: readonly RequestKind[];
  condition: unknown;
  effect: PolicyEffect;
  authority: Authority | null;
  citation: string;
  explanation: string;
  alternatives: readonly string[];
  enabled: boolean;
};

/** The plain data a decision is taken on. */
export type EngineInput = {
  request: {
    kind: RequestKind;
    amount: number | null;
    currency: string | null;
    facts: Record<string, unknown>;
    description?: string;
  };
  customer: { tenure_days: number | null; lifetime_value: number | null; segment: string | null };
  case: { priority: string; channel: string; tags: string[] };
};

export type EngineOptions = {
  /** The role of whoever decides now (the agent recording, or the authoriser re-checking). */
  actor_role: StaffRole;
  /** What happens when no policy applies (never a refusal: a refusal must rest on a rule). */
  default_outcome: 'granted' | 'needs_authorisation';
  default_role: StaffRole;
};

export type TraceLine = {
  policy_id: string;
  version_id: string;
  version: number;
  name: string;
  layer: PolicyLayer;
  strength: PolicyStrength;
  effect: PolicyEffect;
  applies: boolean;
  result: TraceResult;
  decisive: boolean;
  note: string;
};

export type EngineDecision = {
  outcome: DecisionOutcome;
  basis: DecisionBasis;
  hard: boolean;
  required_role: StaffRole | null;
  trace: TraceLine[];
  citations: { policy_id: string; version_id: string; name: string; layer: PolicyLayer; citation: string }[];
  explanation: string;
  alternatives: string[];
  policy_versions: string[];
};

type Evaluated = {
  p: EnginePolicy;
  applies: boolean;
  result: TraceResult;
  note: string;
  role: StaffRole | null;
};

const LAYER_ORDER: Record<PolicyLayer, number> = { law: 0, professional: 1, moral: 2, organisational: 3 };

/** Offered when a refusing policy carries no alternative of its own, so no "no" goes out bare. */
export const FALLBACK_ALTERNATIVE =
  'You can ask for this decision to be reviewed by a manager, or make a formal complaint, and we will look at it again.';
export const DEFAULT_EXPLANATION =
  'No policy covers this request, so a colleague with the authority to decide will review it.';
export const DEFAULT_GRANTED_EXPLANATION = 'No policy limits this request, so we can do it.';

/** A stable order independent of how the policies were stored. */
const byLayerThenId = (a: EnginePolicy, b: EnginePolicy) =>
  LAYER_ORDER[a.layer] - LAYER_ORDER[b.layer] ||
  (a.policy_id < b.policy_id ? -1 : a.policy_id > b.policy_id ? 1 : 0) ||
  a.version - b.version;

function conditionHolds(p: EnginePolicy, data: unknown): { holds: boolean; error?: string } {
  if (p.condition === true || p.condition === null || p.condition === undefined) return { holds: true };
  if (p.condition === false) return { holds: false };
  try {
    return { holds: jsonLogic.truthy(jsonLogic.apply(p.condition as jsonLogic.RulesLogic, data)) };
  } catch (err) {
    return { holds: false, error: err instanceof Error ? err.message : String(err) };
  }
}

function evaluate(p: EnginePolicy, data: unknown, input: EngineInput, actorRole: StaffRole): Evaluated {
  const no = (result: TraceResult, note: string): Evaluated => ({
    p,
    applies: false,
    result,
    note,
    role: null,
  });
  if (!p.enabled) return no('disabled', 'Switched off');
  if (p.kinds.length > 0 && !p.kinds.includes(input.request.kind))
    return no('other_kind', `Applies to ${p.kinds.join(', ')}, not ${input.request.kind}`);
  const c = conditionHolds(p, data);
  if (c.error) return no('condition_error', `The condition could not be evaluated: ${c.error}`);
  if (!c.holds) return no('condition_not_met', 'The condition does not hold for this request');
  const yes = (result: TraceResult, note: string, role: StaffRole | null = null): Evaluated => ({
    p,
    applies: true,
    result,
    note,
    role,
  });
  if (p.effect === 'forbid') {
    if (p.strength === 'hard') return yes('forbids', `Forbids it (${p.layer}, hard)`);
    if (!p.authority)
      return yes('forbids', 'Forbids it (flexible: a manager may grant an exception)', 'manager');
    const v = ladderVerdict(p.authority, input.request, 'agent');
    return yes('forbids', `Forbids it (flexible). Exception: ${v.note}`, v.role);
  }
  if (p.effect === 'entitle' && p.layer !== 'organisational')
    return yes('entitles', `The customer is entitled to it (${p.layer})`);
  if (p.effect === 'allow' || !p.authority) return yes('allows', 'Allows it');
  const v = ladderVerdict(p.authority, input.request, actorRole);
  return yes(v.result, v.note, v.role);
}

const unique = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

function conclude(
  all: Evaluated[],
  decisive: Evaluated[],
  data: unknown,
  d: Pick<EngineDecision, 'outcome' | 'basis' | 'hard' | 'required_role'>,
): EngineDecision {
  const chosen = new Set(decisive.map((e) => e.p.version_id));
  const alternatives = unique(decisive.flatMap((e) => [...e.p.alternatives]));
  return {
    ...d,
    trace: all.map((e) => ({
      policy_id: e.p.policy_id,
      version_id: e.p.version_id,
      version: e.p.version,
      name: e.p.name,
      layer: e.p.layer,
      strength: e.p.strength,
      effect: e.p.effect,
      applies: e.applies,
      result: e.result,
      decisive: chosen.has(e.p.version_id),
      note: e.note,
    })),
    citations: decisive.map((e) => ({
      policy_id: e.p.policy_id,
      version_id: e.p.version_id,
      name: e.p.name,
      layer: e.p.layer,
      citation: e.p.citation,
    })),
    explanation: unique(decisive.map((e) => renderTemplate(e.p.explanation, data))).join(' '),
    alternatives:
      // A grant needs no alternative; a refusal never goes without one.
      d.outcome === 'granted'
        ? []
        : d.outcome === 'refused' && alternatives.length === 0
          ? [FALLBACK_ALTERNATIVE]
          : alternatives,
    policy_versions: all.map((e) => e.p.version_id),
  };
}

const isHigherLayer = (e: Evaluated) => e.p.layer !== 'organisational';

/**
 * The decision on a request, from the policies in force. Pure and deterministic:
 * 1. a hard forbid of law, professional or moral rules refuses, and nobody can authorise past it;
 * 2. otherwise an entitlement (law, professional, moral) grants, and no organisational policy takes it away;
 * 3. otherwise an organisational hard forbid refuses for good; a flexible forbid or a request beyond every
 *    rung of a ladder refuses; authority beyond the decider's limit needs the lowest role that covers it;
 *    policies that allow grant;
 * 4. no applicable policy: the workspace default.
 */
export function decide(
  policies: readonly EnginePolicy[],
  input: EngineInput,
  opts: EngineOptions,
): EngineDecision {
  const data = engineData(input);
  const all = [...policies].sort(byLayerThenId).map((p) => evaluate(p, data, input, opts.actor_role));
  const on = all.filter((e) => e.applies);
  const forbids = on.filter((e) => e.result === 'forbids');
  const hardHigh = forbids.filter((e) => e.p.strength === 'hard' && isHigherLayer(e));
  if (hardHigh.length > 0)
    return conclude(all, hardHigh, data, {
      outcome: 'refused',
      basis: 'hard_forbid',
      hard: true,
      required_role: null,
    });
  const entitles = on.filter((e) => e.result === 'entitles');
  if (entitles.length > 0)
    return conclude(all, entitles, data, {
      outcome: 'granted',
      basis: 'entitlement',
      hard: false,
      required_role: null,
    });
  const hardOrg = forbids.filter((e) => e.p.strength === 'hard');
  if (hardOrg.length > 0)
    return conclude(all, hardOrg, data, {
      outcome: 'refused',
      basis: 'hard_forbid',
      hard: true,
      required_role: null,
    });
  const beyond = on.filter((e) => e.result === 'beyond_authority');
  if (forbids.length > 0 || beyond.length > 0) {
    // Only a flexible forbid can be bent; a request beyond every rung cannot be granted by anyone.
    const bendable = beyond.length === 0 && forbids.every((e) => e.role !== null);
    const role = bendable ? forbids.map((e) => e.role).reduce(higherRole) : null;
    const basis = beyond.length > 0 ? 'beyond_authority' : 'flexible_forbid';
    return conclude(all, [...forbids, ...beyond], data, {
      outcome: 'refused',
      basis,
      hard: false,
      required_role: role,
    });
  }
  const needs = on.filter((e) => e.result === 'needs_authority');
  if (needs.length > 0) {
    const role = needs.map((e) => e.role).reduce(higherRole);
    return conclude(all, needs, data, {
      outcome: 'needs_authorisation',
      basis: 'needs_authority',
      hard: false,
      required_role: role,
    });
  }
  if (on.length > 0) {
    const basis = on.some((e) => e.result === 'within_authority') ? 'within_authority' : 'allowed';
    return conclude(all, on, data, { outcome: 'granted', basis, hard: false, required_role: null });
  }
  const granted = opts.default_outcome === 'granted';
  const d = conclude(all, [], data, {
    outcome: opts.default_outcome,
    basis: 'default',
    hard: false,
    required_role: granted ? null : opts.default_role,
  });
  return { ...d, explanation: granted ? DEFAULT_GRANTED_EXPLANATION : DEFAULT_EXPLANATION };
}
