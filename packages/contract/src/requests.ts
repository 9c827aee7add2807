import { Id, PageQuery, StaffRole, Text, Timestamp } from './common.ts';
import {
  Amount,
  Currency,
  DecisionBasis,
  DecisionOutcome,
  Facts,
  PolicyEffect,
  PolicyLayer,
  PolicyStrength,
  RequestKind,
  TraceResult,
} from './policies.ts';
import { z } from './zod.ts';

// A customer's requests on a case, the decisions taken on them (append-only), the authorisations
// that bend flexible policies, and the communications that tell the customer.

export const RequestCreate = z
  .object({
    kind: RequestKind,
    amount: Amount.nullable().optional(),
    currency: Currency.nullable().optional(),
    facts: Facts.default({}),
    description: z.string().trim().max(5000).default(''),
  })
  .refine((v) => (v.amount == null) === (v.currency == null), 'Give amount and currency together');
export type RequestCreate = z.infer<typeof RequestCreate>;

export const TraceEntry = z.object({
  policy_id: Id,
  version_id: Id,
  version: z.number().int(),
  name: z.string(),
  layer: PolicyLayer,
  strength: PolicyStrength,
  effect: PolicyEffect,
  applies: z.boolean(),
  result: TraceResult,
  /** True for the policies the outcome rests on. */
  decisive: z.boolean(),
  note: z.string(),
});
export const Citation = z.object({
  policy_id: Id,
  version_id: Id,
  name: z.string(),
  layer: PolicyLayer,
  citation: z.string(),
});
const StaffRefWithRole = z.object({ id: Id, name: z.string(), role: StaffRole.nullable() });

export const Decision = z.object({
  id: Id,
  outcome: DecisionOutcome,
  basis: DecisionBasis,
  /** A hard refusal: nobody can authorise past it. */
  hard: z.boolean(),
  /** Who must authorise (needs_authorisation), or who may grant an exception to a flexible refusal. */
  required_role: StaffRole.nullable(),
  trace: z.array(TraceEntry),
  citations: z.array(Citation),
  explanation: z.string(),
  alternatives: z.array(z.string()),
  conditions: z.array(z.string()),
  policy_versions: z.array(Id),
  decided_by: StaffRefWithRole.nullable(),
  authorisation_id: Id.nullable(),
  created_at: Timestamp,
});
export type Decision = z.infer<typeof Decision>;

export const AuthorisationStatus = z.enum(['pending', 'approved', 'denied', 'expired', 'used']);
export const Authorisation = z.object({
  id: Id,
  request_id: Id,
  case_id: Id,
  status: AuthorisationStatus,
  required_role: StaffRole.nullable(),
  requested_by: z.object({ id: Id, name: z.string() }).nullable(),
  requested_at: Timestamp,
  note: z.string(),
  decided_by: StaffRefWithRole.nullable(),
  decided_at: Timestamp.nullable(),
  reason: z.string().nullable(),
  conditions: z.array(z.string()),
  policy_versions: z.array(Id),
  expires_at: Timestamp,
  used_at: Timestamp.nullable(),
});
export const Communication = z.object({
  id: Id,
  decision_id: Id,
  message_id: Id.nullable(),
  outcome: DecisionOutcome,
  explanation: z.string(),
  alternatives: z.array(z.string()),
  sent_by: z.object({ id: Id, name: z.string() }).nullable(),
  created_at: Timestamp,
});
export const RequestAbilities = z.object({
  communicate: z.boolean(),
  ask_authorisation: z.boolean(),
  approve: z.boolean(),
  deny: z.boolean(),
});

/** A request as staff see it: everything, including the engine's trace. */
export const CaseRequest = z.object({
  id: Id,
  case_id: Id,
  customer_id: Id,
  kind: RequestKind,
  amount: z.number().int().nullable(),
  currency: z.string().nullable(),
  facts: z.record(z.string(), z.unknown()),
  description: z.string(),
  recorded_by: StaffRefWithRole.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
  decision: Decision,
  authorisations: z.array(Authorisation),
  communications: z.array(Communication),
  can: RequestAbilities,
});
export type CaseRequest = z.infer<typeof CaseRequest>;

/** A request as its customer sees it: the outcome in plain words, no internal trace. */
export const CustomerCaseRequest = z.object({
  id: Id,
  case_id: Id,
  kind: RequestKind,
  amount: z.number().int().nullable(),
  currency: z.string().nullable(),
  description: z.string(),
  created_at: Timestamp,
  /** The decision as last sent to the customer; null while nothing has been sent yet (under review). */
  decision: z
    .object({
      outcome: DecisionOutcome,
      explanation: z.string(),
      alternatives: z.array(z.string()),
      conditions: z.array(z.string()),
      citations: z.array(z.object({ name: z.string(), citation: z.string() })),
      communicated_at: Timestamp,
    })
    .nullable(),
});
export type CustomerCaseRequest = z.infer<typeof CustomerCaseRequest>;

export const CaseRequestView = z.union([CaseRequest, CustomerCaseRequest]);
export const CaseRequestList = z.object({ items: z.array(CaseRequestView) });

export const AuthorisationCreate = z.object({
  decision: z.enum(['approve', 'deny']),
  reason: Text(2000),
  /** What protects both sides, e.g. "return the item first". */
  conditions: z.array(Text(500)).max(10).default([]),
});
export const AuthorisationAsk = z.object({ note: z.string().trim().max(2000).default('') });

export const CommunicationCreate = z.object({
  /** Plain words for the customer; a refusal without them is refused (422). */
  explanation: z.string().trim().max(5000).optional(),
  /** At least one for a refusal (422 refusal_needs_alternative otherwise). */
  alternatives: z.array(z.string().trim().max(500)).max(10).default([]),
});

export const AuthorisationQueueQuery = PageQuery.extend({
  status: z.enum(['pending', 'expired', 'approved', 'denied']).default('pending'),
});
export const AuthorisationQueueItem = z.object({
  authorisation: Authorisation,
  request: z.object({
    id: Id,
    kind: RequestKind,
    amount: z.number().int().nullable(),
    currency: z.string().nullable(),
    description: z.string(),
    outcome: DecisionOutcome,
    explanation: z.string(),
  }),
  case: z.object({ id: Id, number: z.number().int(), subject: z.string() }),
  customer: z.object({ id: Id, name: z.string() }),
});
