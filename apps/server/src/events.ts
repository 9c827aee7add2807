import {
  createEmitter,
  createEventRecorder,
  type JobPriorities,
  type Subscriber,
  type Subscribers,
} from './infra/emit.ts';

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
  'notification_template.updated',
  'macro.created',
  'macro.updated',
  'macro.deleted',
  'calendar.updated',
  'calendar.deleted',
  'sla_policy.created',
  'sla_policy.updated',
  'sla_policy.deleted',
  'sla_policy.reordered',
  'automation.created',
  'automation.updated',
  'automation.deleted',
  'automation.ran',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

// Which events a job can act on. Each job also checks for itself (it may be run by hand, or the
// case may have changed since); these only spare a write the jobs that would look and return.
type When = NonNullable<Extract<Subscriber, { task: string }>['when']>;
const changed =
  (...fields: string[]): When =>
  (e) => {
    const changes = e.data?.changes;
    return typeof changes === 'object' && changes !== null && fields.some((f) => f in changes);
  };
const isPublic: When = (e) => e.data?.visibility === 'public';
// The message that opened a case is the customer's request, also when staff or an integration
// opened it for them (`opening: true`): it is no reply of ours to mail, nor a customer's reply.
const isReply: When = (e, actor) => isPublic(e, actor) && e.data?.opening !== true;
const publicFromUs: When = (e, actor) => isReply(e, actor) && actor.kind !== 'customer';
const publicFromCustomer: When = (e, actor) => isReply(e, actor) && actor.kind === 'customer';
const byCustomer: When = (_e, actor) => actor.kind === 'customer';

// What an SLA policy's conditions, calendar and clocks read (features/sla/sla.rules.ts).
const SLA_FIELDS = ['status', 'priority', 'channel', 'organisation_id', 'team_id', 'tags', 'customer_id'];
const SLA_RECOMPUTE = 'sla.recompute';

/** Event type -> the jobs (in jobs.ts) that react to it. */
export const SUBSCRIBERS: Subscribers = {
  'case.created': [
    { task: SLA_RECOMPUTE, perCase: true },
    'routing.assign',
    { task: 'email.notify_received', when: byCustomer },
    'automation.run',
  ],
  'case.updated': [
    { task: SLA_RECOMPUTE, perCase: true, when: changed(...SLA_FIELDS) },
    { task: 'routing.assign', when: changed('team_id', 'assignee_id', 'status') },
    { task: 'automation.run', when: changed('status') },
  ],
  'message.added': [
    { task: SLA_RECOMPUTE, perCase: true, when: isPublic },
    // The mail itself on an email case, the "agent replied" notification on any other.
    { task: 'email.reply', when: publicFromUs },
    { task: 'automation.run', when: publicFromCustomer },
  ],
  'decision.communicated': ['email.notify_decision'],
  'sla.warning': ['automation.run'],
  'sla.breached': ['automation.run'],
};

/**
 * Jobs that concern a customer's mail go ahead of the others waiting (graphile-worker runs the lowest
 * priority first; the rest are 0): under a backlog, a reply reaches the customer before the
 * recomputes, routing and automations queued ahead of it run. The send itself goes first of all, so
 * each reply's mail leaves right after it is composed, not after every other reply is. With no
 * backlog this changes nothing. Every place that queues one of these tasks takes its priority here.
 */
export const JOB_PRIORITIES: JobPriorities = {
  'email.send': -20,
  'email.reply': -10,
  'email.notify_received': -10,
  'email.notify_decision': -10,
  'email.process': -10,
};
export const jobPriority = (task: string): number => JOB_PRIORITIES[task] ?? 0;

const append = createEmitter(SUBSCRIBERS, JOB_PRIORITIES);

export const emit = append as (
  ...args: [
    Parameters<typeof append>[0],
    Parameters<typeof append>[1],
    { type: EventType; case_id?: string | null; data?: Record<string, unknown> }[],
  ]
) => Promise<void>;

const record = createEventRecorder(SUBSCRIBERS, JOB_PRIORITIES);

/** What emit would send, for a writer that records its events inside its own statement. */
export const recordEvents = record as (
  ...args: [
    Parameters<typeof record>[0],
    { type: EventType; case_id?: string | null; data?: Record<string, unknown> }[],
  ]
) => ReturnType<typeof record>;
