import type {
  Authority,
  PolicyCreate,
  PolicyDetail,
  PolicyEffect,
  PolicyLayer,
  PolicyStrength,
  PolicyVersion,
  RequestKind,
  StaffRole,
} from './types.ts';

// The policy editor's state: amounts in the ladder are typed in major units (25.00) and sent in
// minor units (2500), as everywhere on the wire.

export type Rung = { role: StaffRole; max_amount: string; max_days: string };
export type Ladder = { currency: string; days_fact: string; rungs: Rung[] };

export type PolicyValues = {
  name: string;
  layer: PolicyLayer;
  strength: PolicyStrength;
  kinds: RequestKind[];
  condition: unknown;
  effect: PolicyEffect;
  ladder: Ladder | null;
  citation: string;
  explanation: string;
  alternatives: string[];
  enabled: boolean;
};

export const DEFAULT_LADDER: Ladder = {
  currency: 'GBP',
  days_fact: 'days_since_delivery',
  rungs: [
    { role: 'agent', max_amount: '25', max_days: '' },
    { role: 'supervisor', max_amount: '200', max_days: '' },
    { role: 'manager', max_amount: '1000', max_days: '' },
  ],
};

export const newPolicy = (): PolicyValues => ({
  name: '',
  layer: 'organisational',
  strength: 'flexible',
  kinds: [],
  condition: true,
  effect: 'allow',
  ladder: null,
  citation: '',
  explanation: '',
  alternatives: [],
  enabled: true,
});

const major = (minor: number | null) => (minor === null ? '' : String(minor / 100));
const minor = (s: string) => (s.trim() === '' ? null : Math.round(Number(s) * 100));
const whole = (s: string) => (s.trim() === '' ? null : Number(s));

function ladderOf(a: Authority | null): Ladder | null {
  if (!a) return null;
  return {
    currency: a.currency ?? '',
    days_fact: a.days_fact,
    rungs: a.rungs.map((r) => ({
      role: r.role,
      max_amount: major(r.max_amount),
      max_days: r.max_days === null ? '' : String(r.max_days),
    })),
  };
}

/** The version an edit starts from: the open draft, else the newest published one. */
export const baseVersion = (p: PolicyDetail): PolicyVersion | null =>
  p.draft ?? p.scheduled ?? p.in_force ?? [...p.versions].sort((a, b) => b.version - a.version)[0] ?? null;

export function valuesOf(v: PolicyVersion): PolicyValues {
  return {
    name: v.name,
    layer: v.layer,
    strength: v.strength,
    kinds: v.kinds,
    condition: v.condition,
    effect: v.effect,
    ladder: ladderOf(v.authority),
    citation: v.citation,
    explanation: v.explanation,
    alternatives: v.alternatives,
    enabled: v.enabled,
  };
}

/** Whether the effect carries an authority ladder. */
export const needsLadder = (v: Pick<PolicyValues, 'effect' | 'strength'>) =>
  v.effect === 'allow_with_authority' || (v.effect === 'forbid' && v.strength === 'flexible');

/** Whether the policy can refuse, and so must offer an alternative. */
export const canRefuse = (effect: PolicyEffect) => effect === 'forbid' || effect === 'allow_with_authority';

/** The body the contract's PolicyCreate checks. */
export function bodyOf(v: PolicyValues): PolicyCreate {
  const ladder = needsLadder(v) ? v.ladder : null;
  return {
    name: v.name,
    layer: v.layer,
    strength: v.layer === 'organisational' ? v.strength : 'hard',
    kinds: v.kinds,
    condition: v.condition as PolicyCreate['condition'],
    effect: v.effect,
    authority: ladder
      ? {
          currency: ladder.currency.trim() ? ladder.currency.trim().toUpperCase() : null,
          days_fact: ladder.days_fact.trim() || 'days_since_delivery',
          rungs: ladder.rungs.map((r) => ({
            role: r.role,
            max_amount: minor(r.max_amount),
            max_days: whole(r.max_days),
          })),
        }
      : null,
    citation: v.citation,
    explanation: v.explanation,
    alternatives: v.alternatives.map((a) => a.trim()).filter(Boolean),
    enabled: v.enabled,
  };
}

/** What the editor checks beyond the contract's shapes, in an admin's words. */
export function policyProblems(v: PolicyValues, incompleteRules: number): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.effect === 'entitle' && v.layer === 'organisational')
    out.effect = 'Only law, professional and moral rules entitle; an organisational policy allows';
  if (canRefuse(v.effect) && !v.alternatives.some((a) => a.trim()))
    out.alternatives = 'A policy that can refuse must offer at least one alternative';
  if (needsLadder(v) && v.effect === 'allow_with_authority' && !v.ladder?.rungs.length)
    out.authority = 'Give at least one rung: who may grant it, up to what';
  if (incompleteRules > 0)
    out.condition = `${incompleteRules} rule${incompleteRules > 1 ? 's have' : ' has'} no value yet: complete or remove ${incompleteRules > 1 ? 'them' : 'it'}`;
  return out;
}

/** The fields of an edit that differ from the version it starts from. */
export function changedFields(before: PolicyCreate, after: PolicyCreate): Partial<PolicyCreate> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof PolicyCreate)[])
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) out[k] = after[k];
  return out as Partial<PolicyCreate>;
}
