import type { DecisionBasis, StaffRole } from '@fairdesk/contract';
import { isoTime, isoTimeOrNull } from '../../infra/iso-time.ts';
import type { AuthorisationRow, CommunicationRow } from './authorisations.queries.ts';
import type { EngineDecision } from './policies.rules.ts';
import type { DecisionRow, RequestRow } from './requests.queries.ts';
import { authorisationState, requestAbilities } from './requests.rules.ts';

type Names = Map<string, { name: string; role: StaffRole }>;
const staffRef = (names: Names, id: string | null, role: StaffRole | null = null) => {
  const s = id ? names.get(id) : undefined;
  return id && s ? { id, name: s.name, role: role ?? s.role } : null;
};

export function presentDecision(d: DecisionRow) {
  return {
    id: d.id,
    outcome: d.outcome,
    basis: d.basis as DecisionBasis,
    hard: d.hard,
    required_role: d.required_role,
    trace: d.trace as EngineDecision['trace'],
    citations: d.citations as EngineDecision['citations'],
    explanation: d.explanation,
    alternatives: d.alternatives,
    conditions: d.conditions,
    policy_versions: d.policy_version_ids,
    decided_by:
      d.decided_by && d.decided_by_name
        ? { id: d.decided_by, name: d.decided_by_name, role: d.decided_role }
        : null,
    authorisation_id: d.authorisation_id,
    created_at: isoTime(d.created_at),
  };
}

export function presentAuthorisation(a: AuthorisationRow, names: Names, now: Date) {
  const requester = staffRef(names, a.requested_by);
  return {
    id: a.id,
    request_id: a.request_id,
    case_id: a.case_id,
    status: authorisationState(a, now),
    required_role: a.required_role,
    requested_by: requester ? { id: requester.id, name: requester.name } : null,
    requested_at: isoTime(a.requested_at),
    note: a.note,
    decided_by: staffRef(names, a.decided_by, a.decided_role),
    decided_at: isoTimeOrNull(a.decided_at),
    reason: a.reason,
    conditions: a.conditions,
    policy_versions: a.policy_version_ids,
    expires_at: isoTime(a.expires_at),
    used_at: isoTimeOrNull(a.used_at),
  };
}

export const presentCommunication = (c: CommunicationRow) => ({
  id: c.id,
  decision_id: c.decision_id,
  message_id: c.message_id,
  outcome: c.outcome,
  explanation: c.explanation,
  alternatives: c.alternatives,
  sent_by: c.sent_by && c.sent_by_name ? { id: c.sent_by, name: c.sent_by_name } : null,
  created_at: isoTime(c.created_at),
});

export type RequestBundle = {
  r: RequestRow;
  decision: DecisionRow;
  /** The decision of the last communication, when one was sent. */
  communicated: DecisionRow | undefined;
  authorisations: AuthorisationRow[];
  communications: CommunicationRow[];
};

export function presentRequestForStaff(b: RequestBundle, names: Names, now: Date, role: StaffRole) {
  const { r, decision } = b;
  const latest = b.authorisations[0];
  const d = presentDecision(decision);
  return {
    id: r.id,
    case_id: r.case_id,
    customer_id: r.customer_id,
    kind: r.kind,
    amount: r.amount,
    currency: r.currency,
    facts: (r.facts ?? {}) as Record<string, unknown>,
    description: r.description,
    recorded_by: staffRef(names, r.recorded_by, r.recorded_role),
    created_at: isoTime(r.created_at),
    updated_at: isoTime(r.updated_at),
    decision: d,
    authorisations: b.authorisations.map((a) => presentAuthorisation(a, names, now)),
    communications: b.communications.map(presentCommunication),
    can: requestAbilities(d, latest ? authorisationState(latest, now) : null, role),
  };
}

/** What the customer sees: the decision as we last sent it, in our words; nothing internal, no trace. */
export function presentRequestForCustomer(b: RequestBundle) {
  const { r, communicated } = b;
  const sent = b.communications.at(-1);
  const citations = (d: DecisionRow) =>
    (d.citations as EngineDecision['citations']).map((c) => ({ name: c.name, citation: c.citation }));
  return {
    id: r.id,
    case_id: r.case_id,
    kind: r.kind,
    amount: r.amount,
    currency: r.currency,
    description: r.description,
    created_at: isoTime(r.created_at),
    decision:
      sent && communicated
        ? {
            outcome: sent.outcome,
            explanation: sent.explanation,
            alternatives: sent.alternatives,
            conditions: communicated.conditions,
            citations: citations(communicated),
            communicated_at: isoTime(sent.created_at),
          }
        : null,
  };
}
