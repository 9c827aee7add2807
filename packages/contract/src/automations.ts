import { CasePriority, CaseStatus, Tags } from './cases.ts';
import { Id, Text, Timestamp } from './common.ts';
import { JsonLogicRule } from './policies.ts';
import { z } from './zod.ts';

export const AutomationTrigger = z.enum([
  'case_created',
  'customer_replied',
  'status_changed',
  'sla_warning',
  'sla_breached',
  'schedule',
]);
export type AutomationTrigger = z.infer<typeof AutomationTrigger>;

/** A schedule rule's moment: the case has been in `status` for `after_hours` since it entered it. */
export const AutomationSchedule = z.object({
  status: CaseStatus,
  after_hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365),
});
export type AutomationSchedule = z.infer<typeof AutomationSchedule>;

/** Who a `notify` action tells. */
export const NotifyTarget = z.enum(['assignee', 'team_supervisors', 'assignee_and_supervisors', 'staff']);
export type NotifyTarget = z.infer<typeof NotifyTarget>;

/** One action, as stored and checked by the server (the wire accepts any object; see AutomationWrite). */
export const AutomationAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('set_status'), status: CaseStatus }),
  z.strictObject({ type: z.literal('set_priority'), priority: CasePriority }),
  z
    .strictObject({
      type: z.literal('assign'),
      team_id: Id.nullable().optional(),
      assignee_id: Id.nullable().optional(),
    })
    .refine(
      (a) => a.team_id !== undefined || a.assignee_id !== undefined,
      'Say the team, the assignee or both',
    ),
  z.strictObject({ type: z.literal('add_tags'), tags: Tags.refine((t) => t.length > 0, 'At least one tag') }),
  z.strictObject({
    type: z.literal('remove_tags'),
    tags: Tags.refine((t) => t.length > 0, 'At least one tag'),
  }),
  z.strictObject({ type: z.literal('send_macro'), macro_id: Id }),
  z
    .strictObject({
      type: z.literal('notify'),
      to: NotifyTarget,
      staff_ids: z.array(Id).max(20).optional(),
      title: Text(200),
      body: z.string().trim().max(2000).optional(),
    })
    .refine((a) => a.to !== 'staff' || (a.staff_ids?.length ?? 0) > 0, 'Name the staff to notify'),
]);
export type AutomationAction = z.infer<typeof AutomationAction>;
export const AUTOMATION_ACTION_TYPES = [
  'set_status',
  'set_priority',
  'assign',
  'add_tags',
  'remove_tags',
  'send_macro',
  'notify',
] as const;
export type AutomationActionType = (typeof AUTOMATION_ACTION_TYPES)[number];

/**
 * A rule as written. Actions are taken as plain objects here and checked by the server, so that an
 * unknown action type or field is a 422 with a stable reason (`unknown_action_type`,
 * `invalid_action`) naming the action, rather than a generic schema failure.
 */
export const AutomationWrite = z.object({
  name: Text(200),
  trigger: AutomationTrigger,
  schedule: AutomationSchedule.nullable().optional(),
  conditions: JsonLogicRule.default(true),
  actions: z.array(z.record(z.string(), z.unknown())).min(1).max(20),
  active: z.boolean().default(true),
});
export type AutomationWrite = z.input<typeof AutomationWrite>;

export const AutomationRule = z.object({
  id: Id,
  name: z.string(),
  trigger: AutomationTrigger,
  schedule: AutomationSchedule.nullable(),
  conditions: z.unknown(),
  actions: z.array(z.record(z.string(), z.unknown())),
  position: z.number().int(),
  active: z.boolean(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type AutomationRule = z.infer<typeof AutomationRule>;

export const AutomationList = z.object({ items: z.array(AutomationRule) });

export const AutomationActiveBody = z.object({ active: z.boolean() });
export const AutomationReorder = z.object({ ids: z.array(Id).min(1).max(500) });

/** What one action did, would do, or why it was passed over. */
export const AutomationStep = z.object({
  type: z.string(),
  summary: z.string(),
  reason: z.string().optional(),
});
export type AutomationStep = z.infer<typeof AutomationStep>;

/** A dry run: a saved rule by id, or an unsaved one as written. */
export const AutomationDryRunBody = z.union([z.object({ rule_id: Id }), z.object({ rule: AutomationWrite })]);

export const AutomationDryRunCase = z.object({
  case_id: Id,
  number: z.number().int(),
  subject: z.string(),
  status: CaseStatus,
  /** What the actions would do, in order. */
  planned: z.array(AutomationStep),
  skipped: z.array(AutomationStep),
});
export const AutomationDryRunResult = z.object({
  /** How many cases were looked at: the newest 200, or what a schedule rule would pick now. */
  considered: z.number().int(),
  /** How many of them the condition holds for (each is listed in `cases`). */
  matched: z.number().int(),
  cases: z.array(AutomationDryRunCase),
  /** Problems with the condition itself (e.g. it failed to evaluate on some case). */
  condition_errors: z.array(z.string()),
});
export type AutomationDryRunResult = z.infer<typeof AutomationDryRunResult>;

export const AutomationRun = z.object({
  id: Id,
  rule_id: Id,
  rule_name: z.string(),
  trigger: AutomationTrigger,
  cause: z.string(),
  depth: z.number().int(),
  done: z.array(AutomationStep),
  skipped: z.array(AutomationStep),
  error: z.string().nullable(),
  created_at: Timestamp,
});
export const AutomationRunList = z.object({ items: z.array(AutomationRun) });
