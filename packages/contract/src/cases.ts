import { Email, Id, PageQuery, Text, Timestamp } from './common.ts';
import { CaseSlaTarget } from './sla.ts';
import { z } from './zod.ts';

export const CaseStatus = z.enum(['new', 'open', 'pending', 'on_hold', 'solved', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CasePriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type CasePriority = z.infer<typeof CasePriority>;
export const CaseChannel = z.enum(['email', 'portal', 'api', 'phone']);
export const Visibility = z.enum(['public', 'internal']);
export const PartyKind = z.enum(['staff', 'customer', 'system']);

const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(50)
  .regex(/^[\p{L}\p{N}_\-:.]+$/u, 'Letters, digits and _ - : . only');
export const Tags = z
  .array(Tag)
  .max(30)
  .transform((t) => [...new Set(t)]);

const Ref = z.object({ id: Id, name: z.string() });

export const Party = z.object({ kind: PartyKind, id: Id.nullable(), name: z.string().nullable() });

export const Attachment = z.object({
  id: Id,
  filename: z.string(),
  content_type: z.string(),
  size_bytes: z.number().int(),
  message_id: Id.nullable(),
  created_at: Timestamp,
  url: z.string(),
});

export const Message = z.object({
  id: Id,
  visibility: Visibility,
  author: Party,
  body: z.string(),
  created_at: Timestamp,
  attachments: z.array(Attachment),
});

export const TimelineEvent = z.object({
  seq: z.number().int(),
  type: z.string(),
  actor: Party,
  data: z.record(z.string(), z.unknown()),
  created_at: Timestamp,
});

export const CaseAbilities = z.object({
  update: z.boolean(),
  reply: z.boolean(),
  add_internal_note: z.boolean(),
  assign: z.boolean(),
  solve: z.boolean(),
  reopen: z.boolean(),
  close: z.boolean(),
  /** The statuses this person may move the case to from where it is. */
  transitions: z.array(CaseStatus),
});

export const CaseSummary = z.object({
  id: Id,
  number: z.number().int(),
  subject: z.string(),
  status: CaseStatus,
  priority: CasePriority,
  channel: CaseChannel,
  customer: z.object({ id: Id, name: z.string(), email: z.string() }),
  organisation: Ref.nullable(),
  team: Ref.nullable(),
  assignee: Ref.nullable(),
  tags: z.array(z.string()),
  version: z.number().int(),
  message_count: z.number().int(),
  last_message_at: Timestamp.nullable(),
  first_response_at: Timestamp.nullable(),
  solved_at: Timestamp.nullable(),
  closed_at: Timestamp.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
  /** The next service-level target due (a paused one when none runs); staff only, null for customers. */
  sla_next: CaseSlaTarget.nullable(),
  can: CaseAbilities,
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const PresenceState = z.enum(['viewing', 'replying']);
export type PresenceState = z.infer<typeof PresenceState>;

/** Another staff member who has the case open (seen in the last 30 seconds). */
export const CaseViewer = z.object({ id: Id, name: z.string(), state: PresenceState, seen_at: Timestamp });
export type CaseViewer = z.infer<typeof CaseViewer>;

/** The browser sends this every ~15 s while the case is open, and `replying` while composing. */
export const PresenceUpdate = z.object({ state: PresenceState });
export const CasePresence = z.object({ viewers: z.array(CaseViewer) });

export const CaseDetail = CaseSummary.extend({
  messages: z.array(Message),
  timeline: z.array(TimelineEvent),
  attachments: z.array(Attachment),
  /** Other staff on this case right now, not the caller; always empty for customers. */
  viewers: z.array(CaseViewer),
  /** Service-level targets (staff only; empty for customers). */
  sla: z.array(CaseSlaTarget),
});

export const CaseCreate = z
  .object({
    subject: Text(300),
    body: Text(100000),
    priority: CasePriority.optional(),
    tags: Tags.optional(),
    channel: CaseChannel.optional(),
    /** Staff only: who the case is for, by id or by address (a new customer is created if unknown). */
    customer_id: Id.optional(),
    customer: z.object({ email: Email, name: Text(200).optional() }).optional(),
    team_id: Id.optional(),
    assignee_id: Id.optional(),
    attachment_ids: z.array(Id).max(20).optional(),
  })
  .refine((v) => !(v.customer_id && v.customer), 'Give customer_id or customer, not both');

export const CaseUpdate = z
  .object({
    subject: Text(300),
    status: CaseStatus,
    priority: CasePriority,
    assignee_id: Id.nullable(),
    team_id: Id.nullable(),
    tags: Tags,
    /** Optimistic concurrency: when given, the change applies only if the case is still at this version. */
    version: z.number().int().min(1),
  })
  .partial()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), 'Give at least one field to change');

export const MessageCreate = z.object({
  body: Text(100000),
  visibility: Visibility.default('public'),
  attachment_ids: z.array(Id).max(20).default([]),
  /**
   * Collision detection: the case version the writer last saw. When the case has changed since,
   * nothing is written and the answer is 409 `case_changed` with `errors: { version: <current> }`.
   */
  version: z.number().int().min(1).optional(),
});

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(20));

export const CaseListQuery = PageQuery.extend({
  status: csv(CaseStatus).optional(),
  priority: csv(CasePriority).optional(),
  /** A staff id, `me` or `none`. */
  assignee_id: z.union([Id, z.literal('me'), z.literal('none')]).optional(),
  /** A team id or `none`. */
  team_id: z.union([Id, z.literal('none')]).optional(),
  tag: z.string().trim().toLowerCase().max(50).optional(),
  customer_id: Id.optional(),
  organisation_id: Id.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  /** `due`: the soonest running service-level due time first (overdue at the top), cases without one after. */
  sort: z.enum(['updated_desc', 'created_desc', 'created_asc', 'due']).default('updated_desc'),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const SearchHit = z.object({
  case: CaseSummary.omit({ can: true }),
  rank: z.number(),
  /** A snippet with matches wrapped in <mark>…</mark>; everything else is escaped text. */
  headline: z.string(),
  matched_in: z.enum(['subject', 'message']),
});
export const SearchResult = z.object({ items: z.array(SearchHit) });

/** Sidebar counts. "Open" means new or open (needs the team); "mine" is every active case of mine. */
export const QueueCounts = z.object({
  mine: z.number().int(),
  unassigned: z.number().int(),
  all_open: z.number().int(),
  pending: z.number().int(),
  on_hold: z.number().int(),
  solved_recently: z.number().int(),
  teams: z.array(z.object({ id: Id, name: z.string(), is_member: z.boolean(), open: z.number().int() })),
});
