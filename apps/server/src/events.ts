import { createEmitter, type Subscribers } from './infra/emit.ts';

/**
 * Every event type Fairdesk records. The events table is the case timeline and the audit trail;
 * `data` holds what changed (for updates: `{ changes: { field: [before, after] } }`).
 */
export const EVENT_TYPES = [
  'workspace.created',
  'workspace.updated',
  'staff.created',
  'staff.updated',
  'staff.signed_in',
  'team.created',
  'team.updated',
  'team.deleted',
  'organisation.created',
  'organisation.updated',
  'organisation.deleted',
  'customer.created',
  'customer.updated',
  'customer.merged',
  'customer.signed_in',
  'case.created',
  'case.updated',
  'message.added',
  'attachment.added',
  'policy.created',
  'policy.updated',
  'policy.published',
  'policy.settings_updated',
  'request.recorded',
  'request.decided',
  'authorisation.requested',
  'authorisation.granted',
  'authorisation.denied',
  'decision.communicated',
  'customer_import.created',
  'customer_import.finished',
  'staff.invited',
  'staff.invitation_accepted',
  'sla.warning',
  'sla.breached',
  'case.routed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Event type -> names of the jobs (in jobs.ts) that react to it. */
export const SUBSCRIBERS: Subscribers = {
  'case.created': ['sla.recompute', 'routing.assign'],
  'case.updated': ['sla.recompute', 'routing.assign'],
  'message.added': ['sla.recompute', 'email.reply'],
};

const append = createEmitter(SUBSCRIBERS);

export const emit = append as (
  ...args: [
    Parameters<typeof append>[0],
    Parameters<typeof append>[1],
    { type: EventType; case_id?: string | null; data?: Record<string, unknown> }[],
  ]
) => Promise<void>;
