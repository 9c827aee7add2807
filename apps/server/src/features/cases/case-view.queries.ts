import type { PresenceState, SlaTarget } from '@fairdesk/contract';
import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import { statementByShape } from '../../infra/statement-shapes.ts';
import type { EventRow, MessageRow } from './cases.present.ts';
import { baseSummary } from './cases.queries.ts';

// The case view is one statement: the summary row with its conversation, files, timeline, viewers
// and service levels as json arrays beside it. Seven short statements cost more in round trips
// (socket writes, the pool, PostgreSQL's per-statement work) than in reading (docs/performance.md).
// Inside json, timestamps are ISO strings; the service turns them back into Dates.

type Iso = string;

/** A message as the presenter takes it, its time as json gives it. */
export type MessageJson = Omit<MessageRow, 'created_at'> & { created_at: Iso };

export type AttachmentJson = {
  id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  message_id: string | null;
  created_at: Iso;
  visibility: 'public' | 'internal' | null;
};

/** A timeline entry as the presenter takes it, its time as json gives it. */
export type EventJson = Omit<EventRow, 'created_at'> & { created_at: Iso };

export type ViewerJson = { id: string; name: string; state: PresenceState; seen_at: Iso };
export type SlaJson = { target: SlaTarget; due_at: Iso | null; warn_at: Iso | null; met_at: Iso | null };

/** Messages with their authors' names; automatic ones speak in the workspace's name. */
const messagesSql = (where: ReturnType<typeof sql>) => sql`
  select m.id, m.visibility, m.author_kind, m.author_staff_id, m.author_customer_id,
    s.name as staff_name, cu.name as customer_name, w.name as workspace_name, m.body, m.created_at
  from messages m
  left join staff s on s.id = m.author_staff_id
  left join customers cu on cu.id = m.author_customer_id
  join workspaces w on w.id = m.workspace_id
  where ${where}`;

const messagesOfCase = (publicOnly: boolean) =>
  sql<MessageJson[]>`(select coalesce(json_agg(x order by x.created_at, x.id), '[]') from (
    ${messagesSql(publicOnly ? sql`m.case_id = c.id and m.visibility = 'public'` : sql`m.case_id = c.id`)}
    order by m.created_at, m.id limit 5000) x)`;

const attachmentsOfCase = sql<
  AttachmentJson[]
>`(select coalesce(json_agg(x order by x.created_at), '[]') from (
    select a.id, a.filename, a.content_type, a.size_bytes, a.message_id, a.created_at, m.visibility
    from attachments a left join messages m on m.id = a.message_id
    where a.case_id = c.id order by a.created_at limit 1000) x)`;

// Events are chained (given their seq) after commit; the timeline shows them at once, in write
// order, under their row id.
const timelineOfCase = sql<EventJson[]>`(select coalesce(json_agg(x order by x.seq), '[]') from (
    select e.id as seq, e.type, e.actor_kind, e.actor_id, s.name as staff_name, cu.name as customer_name,
      e.data, e.created_at
    from events e
    left join staff s on s.id = e.actor_id and e.actor_kind = 'staff'
    left join customers cu on cu.id = e.actor_id and e.actor_kind = 'customer'
    where e.case_id = c.id and e.workspace_id = c.workspace_id
    order by e.id limit 5000) x)`;

/** The other active staff seen on the case since `since` (presence.queries.ts listViewers). */
const viewersOfCase = (staffId: string, since: Date) =>
  sql<ViewerJson[]>`(select coalesce(json_agg(x order by x.name, x.id), '[]') from (
    select s.id, s.name, p.state, p.seen_at
    from case_presence p join staff s on s.id = p.staff_id
    where p.workspace_id = c.workspace_id and p.case_id = c.id and p.staff_id <> ${staffId}
      and p.seen_at > ${since} and s.active = true
    order by s.name, s.id limit 50) x)`;

/** The case's stored targets (features/sla recomputeInputs), what its view needs to judge their state now. */
const slaOfCase = sql<SlaJson[]>`(select coalesce(json_agg(x order by x.target), '[]') from (
    select target, due_at, warn_at, met_at from case_sla where case_id = c.id) x)`;

/** An empty list where this view shows nothing (a customer's, or the answer to opening a case). */
const none = <T>() => sql<T[]>`'[]'::json`;

export type CaseViewShape = {
  workspaceId: string;
  caseId: string;
  /** A customer's view: only their own case, only its public messages. */
  customerId: string | null;
  withAttachments: boolean;
  /** Staff looking at the case now: who else is on it. */
  viewers: { staffId: string; since: Date } | null;
  withSla: boolean;
};

/** What decides the view statement's text (statementByShape: it is compiled once per form). */
type CaseViewForm = { customer: boolean; withAttachments: boolean; viewers: boolean; withSla: boolean };
type CaseViewValues = {
  workspaceId: string;
  caseId: string;
  customerId: string | null;
  staffId: string | null;
  since: Date | null;
};

const caseViewStatement = statementByShape((db, form: CaseViewForm, v: CaseViewValues) =>
  baseSummary(db)
    .select(messagesOfCase(form.customer).as('messages'))
    .select(timelineOfCase.as('timeline'))
    .select((form.withAttachments ? attachmentsOfCase : none<AttachmentJson>()).as('attachments'))
    .select(
      (form.viewers ? viewersOfCase(v.staffId as string, v.since as Date) : none<ViewerJson>()).as('viewers'),
    )
    .select((form.withSla ? slaOfCase : none<SlaJson>()).as('sla'))
    .where('c.workspace_id', '=', v.workspaceId)
    .where('c.id', '=', v.caseId)
    .$if(form.customer, (qb) => qb.where('c.customer_id', '=', v.customerId as string)),
);

/** The case summary with everything its view shows, in one statement; undefined when not theirs. */
export const findCaseView = (db: Executor, v: CaseViewShape) =>
  db
    .executeQuery(
      caseViewStatement(
        db,
        {
          customer: v.customerId !== null,
          withAttachments: v.withAttachments,
          viewers: v.viewers !== null,
          withSla: v.withSla,
        },
        {
          workspaceId: v.workspaceId,
          caseId: v.caseId,
          customerId: v.customerId,
          staffId: v.viewers?.staffId ?? null,
          since: v.viewers?.since ?? null,
        },
      ),
    )
    .then((r) => r.rows[0]);

/** A case as its view reads it (findCaseView's row; a new case's own answer has the same shape). */
export type CaseViewRow = NonNullable<Awaited<ReturnType<typeof findCaseView>>>;

/** One message of a case with its author and its attachments, in one statement. */
export const findMessageWithAttachments = (db: Executor, caseId: string, messageId: string) =>
  sql<
    Omit<MessageJson, 'created_at'> & {
      created_at: Date;
      attachments: Omit<AttachmentJson, 'visibility'>[];
    }
  >`select x.*, (select coalesce(json_agg(y order by y.created_at, y.id), '[]') from (
      select a.id, a.filename, a.content_type, a.size_bytes, a.message_id, a.created_at
      from attachments a where a.message_id = x.id) y) as attachments
    from (${messagesSql(sql`m.case_id = ${caseId} and m.id = ${messageId}`)}) x`
    .execute(db)
    .then((r) => r.rows[0]);
