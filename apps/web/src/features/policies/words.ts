import { ApiError, errorMessage } from '../../lib/api.ts';
import type {
  DecisionOutcome,
  PolicyEffect,
  PolicyLayer,
  RequestKind,
  StaffRole,
  TraceResult,
} from './types.ts';

export const KINDS: RequestKind[] = [
  'refund',
  'replacement',
  'repair',
  'return',
  'goodwill_credit',
  'deadline_extension',
  'data_access',
  'advice',
  'other',
];

export const KIND_LABEL: Record<RequestKind, string> = {
  refund: 'Refund',
  replacement: 'Replacement',
  repair: 'Repair',
  return: 'Return',
  goodwill_credit: 'Goodwill credit',
  deadline_extension: 'Deadline extension',
  data_access: 'Data access',
  advice: 'Advice',
  other: 'Other',
};

/** An amber dark enough for small text on white and on its own light tint (WCAG AA). */
export const AMBER = '#b54708';

export const OUTCOME_LABEL: Record<DecisionOutcome, string> = {
  granted: 'Granted',
  refused: 'Refused',
  needs_authorisation: 'Needs authorisation',
};

export const OUTCOME_COLOR: Record<DecisionOutcome, string> = {
  granted: 'teal',
  refused: 'red',
  needs_authorisation: AMBER,
};

export const LAYERS: PolicyLayer[] = ['law', 'professional', 'moral', 'organisational'];

export const LAYER_LABEL: Record<PolicyLayer, string> = {
  law: 'Law',
  professional: 'Professional',
  moral: 'Moral',
  organisational: 'Organisational',
};

export const LAYER_COLOR: Record<PolicyLayer, string> = {
  law: 'indigo',
  professional: 'cyan',
  moral: 'grape',
  organisational: 'gray',
};

export const EFFECTS: PolicyEffect[] = ['entitle', 'forbid', 'allow', 'allow_with_authority'];

export const EFFECT_LABEL: Record<PolicyEffect, string> = {
  entitle: 'Entitles (a right)',
  forbid: 'Forbids',
  allow: 'Allows',
  allow_with_authority: 'Allows with authority',
};

export const ROLES: StaffRole[] = ['agent', 'supervisor', 'manager', 'admin'];

export const TRACE_WORDS: Record<TraceResult, string> = {
  disabled: 'switched off',
  other_kind: 'not for this kind of request',
  condition_not_met: 'condition not met',
  condition_error: 'condition could not be read',
  forbids: 'forbids it',
  entitles: 'entitles the customer',
  allows: 'allows it',
  within_authority: 'within the decider’s authority',
  needs_authority: 'needs more authority',
  beyond_authority: 'beyond every rung of the ladder',
};

/** "£150.00" from 15000 GBP; a bare number when the currency is unknown. */
export function money(amount: number | null, currency: string | null): string | null {
  if (amount === null) return null;
  if (!currency) return (amount / 100).toFixed(2);
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount / 100);
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency}`;
  }
}

/** "a supervisor", "an admin". */
export const aRole = (role: string) => `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role}`;

const roleIn = (err: ApiError): string | null => {
  const errors = err.problem?.errors as { required_role?: unknown } | undefined;
  return typeof errors?.required_role === 'string' ? errors.required_role : null;
};

/** The reasons a decision can be turned back, in words a colleague can act on. */
export function explain(err: unknown): string {
  if (!(err instanceof ApiError)) return errorMessage(err);
  switch (err.reason) {
    case 'exception_over_limit': {
      const role = roleIn(err);
      return role
        ? `This is above your limit; it stays with ${aRole(role)}.`
        : 'This is beyond every limit of the policy; nobody can authorise it.';
    }
    case 'policy_hard_limit':
      return 'A hard rule (law, professional or moral) refuses this; nobody can authorise past it.';
    case 'refusal_needs_alternative':
      return 'A refusal goes to the customer with the reason in plain words and at least one alternative. Add one, then send.';
    case 'authorisation_expired':
      return 'The authorisation lapsed before it was used. Ask for authorisation again.';
    case 'authorisation_pending':
      return 'An ask for authorisation is already waiting.';
    case 'not_awaiting_authorisation':
      return `This request is not waiting for an authorisation any more (${err.message}).`;
    case 'case_closed':
      return 'This case is closed; open a new case for a new request.';
    default:
      return errorMessage(err);
  }
}
