import type { CasePriority } from '@fairdesk/contract';
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { CaseChannel } from '../../infra/db.types.ts';
import { type EventRecord, recordEventsCall } from '../../infra/emit.ts';
import { statementOnce } from '../../infra/statement-shapes.ts';
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
  events: EventRecord;
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
      sql<CaseViewRow>`with cu as (
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
    select c.id, c.number, c.subject, c.status, c.priority, c.channel, c.customer_id,
      cu.name as customer_name, cu.email as customer_email, c.organisation_id, o.name as organisation_name,
      c.team_id, t.name as team_name, c.assignee_id, a.name as assignee_name, c.tags, c.version,
      c.message_count, c.last_message_at, c.first_response_at, c.solved_at, c.closed_at, c.created_at,
      c.updated_at, c.sla_next,
      json_build_array(json_build_object('id', m.id, 'visibility', m.visibility, 'author_kind', m.author_kind,
        'author_staff_id', m.author_staff_id, 'author_customer_id', m.author_customer_id, 'staff_name', null,
        'customer_name', cu.name, 'workspace_name', w.name, 'body', m.body, 'created_at', m.created_at)) as messages,
      (select json_agg(json_build_object('seq', rec.ids[e.n::int], 'type', e.x->>'type', 'actor_kind', e.x->>'actor_kind',
          'actor_id', e.x->>'actor_id',
          -- Looked up by key, one name per event: a join here is planned (generically, for a list of
          -- unknown length) as a hash join over every customer of the workspace.
          'staff_name', case when e.x->>'actor_kind' = 'staff'
            then (select s.name from staff s where s.id = (e.x->>'actor_id')::uuid) end,
          'customer_name', case when e.x->>'actor_kind' = 'customer'
            then (select ecu.name from customers ecu where ecu.id = (e.x->>'actor_id')::uuid) end,
          'data', e.x->'data', 'created_at', c.created_at) order by e.n)
        from jsonb_array_elements(ev.items) with ordinality as e(x, n)
      ) as timeline,
      '[]'::json as attachments, '[]'::json as viewers, '[]'::json as sla
    from c cross join m cross join ev cross join rec
    join cu on true
    join workspaces w on w.id = c.workspace_id
    left join organisations o on o.id = cu.organisation_id
    left join teams t on t.id = c.team_id
    left join staff a on a.id = c.assignee_id`.compile(db),
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
 * summary (the columns of cases.queries.ts baseSummary; nobody has it open and its service levels
 * are computed after the commit, so no targets), its one message (the columns of messagesSql) and
 * its timeline (the events it recorded, with the ids record_events returns). case-write.test.ts
 * checks that this answer equals the case view read afterwards.
 */
export const insertCaseWithMessage = (db: Executor, c: NewCase) => {
  const { message, events, ...rest } = c;
  return newCaseStatement(db, {
    ...rest,
    message_id: message.id,
    body: message.body,
    events_workspace_id: events.workspaceId,
    events_at: events.at,
    events_items: events.items,
    events_notes: events.notes,
    events_jobs: events.jobs,
  }).then((rows) => rows[0]);
};
