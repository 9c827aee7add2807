import { Id, StaffRole, Text, Timestamp } from './common.ts';
import { z } from './zod.ts';

// Requests decided within bounds: versioned policies, their settings, what-if and stats (requests,
// decisions and authorisations are in requests.ts). Amounts are integer minor units (15000 GBP is 150.00).

export const RequestKind = z.enum([
  'refund',
  'replacement',
  'repair',
  'return',
  'goodwill_credit',
  'deadline_extension',
  'data_access',
  'advice',
  'other',
]);
export type RequestKind = z.infer<typeof RequestKind>;
export const PolicyLayer = z.enum(['law', 'professional', 'moral', 'organisational']);
export type PolicyLayer = z.infer<typeof PolicyLayer>;
export const PolicyStrength = z.enum(['hard', 'flexible']);
export type PolicyStrength = z.infer<typeof PolicyStrength>;
export const PolicyEffect = z.enum(['entitle', 'forbid', 'allow', 'allow_with_authority']);
export type PolicyEffect = z.infer<typeof PolicyEffect>;
export const DecisionOutcome = z.enum(['granted', 'refused', 'needs_authorisation']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;
/** Why the outcome is what it is; the UI may branch on it. */
export const DecisionBasis = z.enum([
  'hard_forbid',
  'entitlement',
  'allowed',
  'within_authority',
  'needs_authority',
  'beyond_authority',
  'flexible_forbid',
  'default',
  'authorised_exception',
  'authorisation_denied',
]);
export type DecisionBasis = z.infer<typeof DecisionBasis>;
export const TraceResult = z.enum([
  'disabled',
  'other_kind',
  'condition_not_met',
  'condition_error',
  'forbids',
  'entitles',
  'allows',
  'within_authority',
  'needs_authority',
  'beyond_authority',
]);
export type TraceResult = z.infer<typeof TraceResult>;

export const Currency = z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as GBP');
const FactName = z
  .string()
  .max(60)
  .regex(/^[a-z][a-z0-9_]*$/, 'snake_case');
const FactValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
/** What is known about the request: `faulty`, `days_since_delivery`, `subject_is_requester`, ... */
export const Facts = z
  .record(FactName, FactValue)
  .refine((f) => Object.keys(f).length <= 50, 'At most 50 facts');
/** Minor units; 1e12 is far above any real request and keeps sums exact. */
export const Amount = z.number().int().min(0).max(1_000_000_000_000);

export const AuthorityRung = z.object({
  role: StaffRole,
  /** Highest amount this role may grant, in minor units of the ladder's currency; null = no amount limit. */
  max_amount: Amount.nullable().default(null),
  /** Highest number of days (the `days_fact` of the request) this role may grant; null = no day limit. */
  max_days: z.number().int().min(0).max(100_000).nullable().default(null),
});
export const Authority = z
  .object({
    currency: Currency.nullable().default(null),
    /** The fact that counts the days the ladder limits, e.g. days_since_delivery. */
    days_fact: FactName.default('days_since_delivery'),
    rungs: z.array(AuthorityRung).min(1).max(4),
  })
  .refine((a) => new Set(a.rungs.map((r) => r.role)).size === a.rungs.length, 'One rung per role');
export type Authority = z.infer<typeof Authority>;

/** A JSONLogic rule over { request, customer, case }; `true` applies always. */
export const JsonLogicRule = z
  .union([z.boolean(), z.record(z.string(), z.unknown())])
  .refine((v) => JSON.stringify(v).length <= 20_000, 'The condition is too large');

const PolicyFields = {
  name: Text(200),
  layer: PolicyLayer,
  /** Law, professional and moral policies are always hard; organisational ones default to flexible. */
  strength: PolicyStrength.optional(),
  /** Request kinds it applies to; empty = every kind. */
  kinds: z.array(RequestKind).max(9),
  condition: JsonLogicRule,
  effect: PolicyEffect,
  authority: Authority.nullable(),
  /** The statute, code or policy section it rests on. */
  citation: Text(500),
  /** Customer-facing words; `{{request.facts.days_since_delivery}}`, `{{request.amount_text}}` are filled in. */
  explanation: Text(2000),
  /** What to offer when it refuses. */
  alternatives: z.array(Text(500)).max(10),
  enabled: z.boolean(),
};
export const PolicyCreate = z.object({
  ...PolicyFields,
  kinds: PolicyFields.kinds.default([]),
  condition: PolicyFields.condition.default(true),
  authority: PolicyFields.authority.default(null),
  alternatives: PolicyFields.alternatives.default([]),
  enabled: PolicyFields.enabled.default(true),
});
export type PolicyCreate = z.infer<typeof PolicyCreate>;
/** Editing creates a new draft version (or revises the unpublished draft); past versions never change. */
export const PolicyUpdate = z
  .object(PolicyFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Give at least one field to change');
export type PolicyUpdate = z.infer<typeof PolicyUpdate>;
export const PolicyPublish = z.object({
  /** When the version takes effect; now when omitted. Never in the past. */
  effective_from: Timestamp.optional(),
});

export const PolicyVersion = z.object({
  id: Id,
  policy_id: Id,
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  name: z.string(),
  layer: PolicyLayer,
  strength: PolicyStrength,
  kinds: z.array(RequestKind),
  condition: z.unknown(),
  effect: PolicyEffect,
  authority: Authority.nullable(),
  citation: z.string(),
  explanation: z.string(),
  alternatives: z.array(z.string()),
  enabled: z.boolean(),
  effective_from: Timestamp.nullable(),
  published_at: Timestamp.nullable(),
  created_at: Timestamp,
});
export type PolicyVersion = z.infer<typeof PolicyVersion>;

export const Policy = z.object({
  id: Id,
  name: z.string(),
  latest_version: z.number().int(),
  /** The published version in force now, if any. */
  in_force: PolicyVersion.nullable(),
  /** A published version whose effective date is still ahead. */
  scheduled: PolicyVersion.nullable(),
  draft: PolicyVersion.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
  can: z.object({ edit: z.boolean(), publish: z.boolean() }),
});
export const PolicyDetail = Policy.extend({ versions: z.array(PolicyVersion) });
export const PolicyList = z.object({ items: z.array(Policy) });

export const PolicySettings = z.object({
  /** What happens when no policy applies. */
  default_outcome: z.enum(['granted', 'needs_authorisation']),
  default_role: StaffRole,
  authorisation_ttl_days: z.number().int().min(1).max(90),
});
export const PolicySettingsUpdate = PolicySettings.partial().refine(
  (v) => Object.keys(v).length > 0,
  'Give at least one field to change',
);

export const WhatIfInput = z.object({
  /** An unsaved edit to try instead of the stored draft. */
  draft: PolicyCreate.optional(),
});
const OutcomeRole = z.object({ outcome: DecisionOutcome, required_role: StaffRole.nullable() });
export const WhatIfResult = z.object({
  policy_id: Id,
  replayed: z.number().int(),
  changed: z.number().int(),
  summary: z.array(z.object({ from: DecisionOutcome, to: DecisionOutcome, count: z.number().int() })),
  changes: z.array(
    z.object({
      request_id: Id,
      case: z.object({ id: Id, number: z.number().int(), subject: z.string() }),
      kind: RequestKind,
      amount: z.number().int().nullable(),
      currency: z.string().nullable(),
      before: OutcomeRole,
      after: OutcomeRole,
    }),
  ),
});

export const PolicyStatsQuery = z.object({ from: Timestamp.optional(), to: Timestamp.optional() });
export const PolicyStats = z.object({
  from: Timestamp.nullable(),
  to: Timestamp.nullable(),
  decisions: z.object({
    granted: z.number().int(),
    refused: z.number().int(),
    needs_authorisation: z.number().int(),
  }),
  refusals: z.object({
    communicated: z.number().int(),
    communicated_with_alternative: z.number().int(),
    /** Must be 1: the server does not send a refusal without an alternative. Null when none was sent. */
    share_with_alternative: z.number().nullable(),
  }),
  /** Authority used: grants within the decider's own limit and approved exceptions, by role. */
  exceptions_by_role: z.array(
    z.object({
      role: StaffRole,
      count: z.number().int(),
      value: z.array(z.object({ currency: z.string(), amount: z.number().int() })),
    }),
  ),
});
