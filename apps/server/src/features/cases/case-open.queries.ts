import type { CasePriority } from '@fairdesk/contract';
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { CaseChannel } from '../../infra/db.types.ts';
import { type EventItem, type EventRecord, type RecordedEvents, recordEventsCall } from '../../infra/emit.ts';
import { statementOnce } from '../../infra/statement-shapes.ts';
import { type OpenedCaseRow, openedCaseView } from './case-open.rules.ts';
import type { CaseViewRow } from './case-view.queries.ts';

// A new case's write, in one statement (case-write.queries.ts has a message's). Ids are made by
// the app (`randomUUIDv7`), so the events can name the new rows before they exist.

/**
 * Sets `data.number` of the `case.created` entries of a JSON array (events at `type`, jobs at
 * `payload.event`): the case number is taken by the insert, in the same statement as the events.
 */
const withCaseNumber = (json: string, typePath: string[], numberPath: string[], number: RawBuilder<number>) =>
  sql<unknown>`(select coalesce(jsonb_agg(case when x #>> ${typePath}::text[] = 'case.created'
      then jsonb_set(x, ${numberPath}::text[], to_jsonb(${number})) else x end order by n), '[]')
    from jsonb_array_elements(${json}::jsonb) with ordinality as t(x, n))`;

/** A new case as insertCaseWithMessage takes it. */
type NewCase = {
  id: string;
  workspace_id: string;
  subject: string;
  priority: CasePriority;
  channel: CaseChannel;
  customer_id: string;
  team_id: string | null;
  assignee_id: string | null;
  tags: string[];
  at: Date;
  message: { id: string; body: string };
  events: RecordedEvents;
};

/** The same, flat, as the statement's values (statementOnce takes one level of them). */
type NewCaseValues = Omit<NewCase, 'message' | 'events'> & {
  message_id: string;
  body: string;
  events_workspace_id: string;
  events_at: Date;
  events_items: string;
  events_notes: string[];
  events_jobs: string;
  /** Who wrote it, for the timeline's name (all of a write's events have the same actor). */
  actor_kind: EventItem['actor_kind'];
  actor_id: string | null;
};

/**
 * The statement of insertCaseWithMessage, compiled once (statementOnce): its text is the same for
 * every new case, and Kysely built and compiled it on every call, with the app then hashing a new
 * 4 kB text to find its prepared statement's name.
 */
const newCaseStatement = statementOnce((db, v: NewCaseValues) => {
  const events = {
    workspaceId: v.events_workspace_id,
    at: v.events_at,
    items: v.events_items,
    notes: v.events_notes,
    jobs: v.events_jobs,
  } as EventRecord;
  const number = sql<number>`c.number`;
  const items = withCaseNumber(events.items, ['type'], ['data', 'number'], number);
  return {
    compile: () =>
      sql<OpenedCaseRow>`with cu as (
      select id, organisation_id, name, email from customers
      where workspace_id = ${v.workspace_id} and id = ${v.customer_id}
    ), c as (
      insert into cases (id, workspace_id, number, subject, status, priority, channel, customer_id,
        organisation_id, team_id, assignee_id, tags, message_count, last_message_at, created_at, updated_at)
      select ${v.id}::uuid, ${v.workspace_id}::uuid, take_case_number(${v.workspace_id}::uuid), ${v.subject},
        'new', ${v.priority}::case_priority, ${v.channel}::case_channel, cu.id, cu.organisation_id,
        ${v.team_id}::uuid, ${v.assignee_id}::uuid, ${v.tags}::text[], 1, ${v.at}::timestamptz,
        ${v.at}::timestamptz, ${v.at}::timestamptz
      from cu
      returning *
    ), m as (
      insert into messages (id, workspace_id, case_id, visibility, author_kind, author_customer_id, body, created_at)
      select ${v.message_id}::uuid, ${v.workspace_id}::uuid, c.id, 'public', 'customer', ${v.customer_id}::uuid,
        ${v.body}, ${v.at}::timestamptz
      from c
      returning id, visibility, author_kind, author_staff_id, author_customer_id, body, created_at
    ), ev as (
      select c.number, ${items}::jsonb as items from c
    ), rec as (
      select ${recordEventsCall(events, {
        items: sql`ev.items`,
        jobs: withCaseNumber(
          events.jobs,
          ['payload', 'event'],
          ['payload', 'data', 'number'],
          sql`ev.number`,
        ),
      })} as ids
      from ev cross join m
    )
    -- The summary, and what only the database knows; the message and timeline are the app's
    -- (openedCaseView). Names are looked up by key, each in a subquery: joins and the JSON built here
    -- made the database's part of a new case about 0.1 ms dearer (decisions.md, 2026-12-16).
    select c.id, c.number, c.subject, c.status, c.priority, c.channel, c.customer_id,
      cu.name as customer_name, cu.email as customer_email, c.organisation_id,
      (select o.name from organisations o where o.id = c.organisation_id) as organisation_name,
      c.team_id, (select t.name from teams t where t.id = c.team_id) as team_name,
      c.assignee_id, (select a.name from staff a where a.id = c.assignee_id) as assignee_name,
      c.tags, c.version, c.message_count, c.last_message_at, c.first_response_at, c.solved_at, c.closed_at,
      c.created_at, c.updated_at, c.sla_next,
      (select w.name from workspaces w where w.id = c.workspace_id) as workspace_name,
      case ${v.actor_kind}::text
        when 'staff' then (select s.name from staff s where s.id = ${v.actor_id}::uuid)
        when 'customer' then (select x.name from customers x where x.id = ${v.actor_id}::uuid)
      end as actor_name,
      array_to_json(rec.ids) as event_ids
    from c cross join m cross join rec
    join cu on true`.compile(db),
  };
});

/**
 * Opens a case in one statement: checks the customer is the workspace's, inserts the case (taking
 * the workspace's next number) and its first message, and records the events (record_events: the
 * rows, and an outbox row with their NOTIFYs and jobs, flushed after commit). No row when the
 * customer is not the workspace's: nothing is written and no number is taken. The first message is
 * the customer's request, also when staff open the case on their behalf.
 *
 * It answers with the case as its view would show it right after (no read after the write): the
 * statement returns the summary (the columns of cases.queries.ts baseSummary) with the names and
 * event ids only it knows, and openedCaseView adds the message and timeline the app sent.
 * case-write.test.ts checks that this answer equals the case view read afterwards.
 */
export const insertCaseWithMessage = async (db: Executor, c: NewCase): Promise<CaseViewRow | undefined> => {
  const { message, events, ...rest } = c;
  const [row] = await newCaseStatement(db, {
    ...rest,
    message_id: message.id,
    body: message.body,
    events_workspace_id: events.workspaceId,
    events_at: events.at,
    events_items: events.items,
    events_notes: events.notes,
    events_jobs: events.jobs,
    actor_kind: events.rows[0]?.actor_kind ?? 'system',
    actor_id: events.rows[0]?.actor_id ?? null,
  });
  return row && openedCaseView(row, { message, items: events.rows });
};
