import type { Authorisation, CaseRequest } from './types.ts';
import { aRole } from './words.ts';

/** The latest authorisation (the server lists the newest first). */
export const latestAuthorisation = (r: CaseRequest): Authorisation | undefined =>
  [...r.authorisations].sort((a, b) => b.requested_at.localeCompare(a.requested_at))[0];

/** Whether the decision now in force has been sent to the customer. */
export const isSent = (r: CaseRequest) => r.communications.some((c) => c.decision_id === r.decision.id);

/** What should happen next, in one sentence, from the server's abilities and the request's state. */
export function nextStep(r: CaseRequest): string {
  const d = r.decision;
  const ask = latestAuthorisation(r);
  if (r.can.approve) return 'You hold the authority: approve or deny this exception.';
  if (d.outcome === 'needs_authorisation' && ask?.status === 'pending')
    return `Waiting for ${aRole(d.required_role ?? 'supervisor')} to decide.`;
  if (r.can.ask_authorisation)
    return d.outcome === 'refused'
      ? `Refused by a flexible policy; ${aRole(d.required_role ?? 'manager')} could make an exception.`
      : 'The ask for authorisation lapsed; ask again.';
  if (!isSent(r)) return 'Send the decision to the customer.';
  return 'The customer has been told.';
}
