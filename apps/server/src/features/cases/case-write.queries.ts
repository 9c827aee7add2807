import type { CasePriority } from '@fairdesk/contract';
import { type RawBuilder, sql, type Updateable } from 'kysely';
import type { DB, Executor } from '../../infra/db.ts';
import type { CaseChannel } from '../../infra/db.types.ts';
import { type EventRecord, recordEventsCall } from '../../infra/emit.ts';
import { statementByShape, statementOnce } from '../../infra/statement-shapes.ts';
import type { CaseViewRow } from './case-view.queries.ts';
import type { NewMessage } from './cases.queries.ts';

// The write path in as few round trips as the rules allow (docs/decisions.md, 2026-11-24): each
// statement costs the app and PostgreSQL CPU whatever it does. Ids are made by the app
// (`randomUUIDv7`), so the events can name the new rows before they exist.

/**
 * Sets `data.number` of the `case.created` entries of a JSON array (events at `type`, jobs at
 * `payload.event`): the case number is taken by the insert, in the same statement as the events.
 */
const withCaseNumber = (json: string, typePath: string[], numberPath: string[], number: RawBuilder<number>) =>
  sql<unknown>`(select coalesce(jsonb_agg(case when x #>> ${typePath}::text[] = 'case.created'
      then jsonb_set(x, ${numberPath}::text[], to_jsonb(${number})) else x end order by n), '[]')
    from jsonb_array_elements(${json}::jsonb) with ordinality as t(x, n))`;

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
export const insertCaseWithMessage = (
  db: Executor,
  c: {
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
  },
) => {
  const number = sql<number>`c.number`;
  const items = withCaseNumber(c.events.items, ['type'], ['data', 'number'], number);
  return sql<CaseViewRow>`with cu as (
      select id, organisation_id, name, email from customers
      where workspace_id = ${c.workspace_id} and id = ${c.customer_id}
    ), c as (
      insert into cases (id, workspace_id, number, subject, status, priority, channel, customer_id,
        organisation_id, team_id, assignee_id, tags, message_count, last_message_at, created_at, updated_at)
      select ${c.id}::uuid, ${c.workspace_id}::uuid, take_case_number(${c.workspace_id}::uuid), ${c.subject},
        'new', ${c.priority}::case_priority, ${c.channel}::case_channel, cu.id, cu.organisation_id,
        ${c.team_id}::uuid, ${c.assignee_id}::uuid, ${c.tags}::text[], 1, ${c.at}::timestamptz,
        ${c.at}::timestamptz, ${c.at}::timestamptz
      from cu
      returning *
    ), m as (
      insert into messages (id, workspace_id, case_id, visibility, author_kind, author_customer_id, body, created_at)
      select ${c.message.id}::uuid, ${c.workspace_id}::uuid, c.id, 'public', 'customer', ${c.customer_id}::uuid,
        ${c.message.body}, ${c.at}::timestamptz
      from c
      returning id, visibility, author_kind, author_staff_id, author_customer_id, body, created_at
    ), ev as (
      select c.number, ${items}::jsonb as items from c
    ), rec as (
      select ${recordEventsCall(c.events, {
        items: sql`ev.items`,
        jobs: withCaseNumber(
          c.events.jobs,
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
    left join staff a on a.id = c.assignee_id`
    .execute(db)
    .then((r) => r.rows[0]);
};

/** What a message's write decides on, read without a lock (`insertMessageUpdatingCase` checks the version). */
const caseForMessageStatement = statementOnce((db, v: { workspaceId: string; id: string }) =>
  db
    .selectFrom('cases')
    .select(['id', 'customer_id', 'status', 'version', 'message_count', 'first_response_at'])
    .where('workspace_id', '=', v.workspaceId)
    .where('id', '=', v.id),
);

export const findCaseForMessage = (db: Executor, workspaceId: string, id: string) =>
  caseForMessageStatement(db, { workspaceId, id }).then((rows) => rows[0]);

/** A written message's own columns, as its answer presents them (with its authors' names). */
const MESSAGE_COLUMNS = [
  'id',
  'visibility',
  'author_kind',
  'author_staff_id',
  'author_customer_id',
  'body',
  'created_at',
] as const;

type CasePatch = Updateable<DB['cases']>;
type MessageWrite = {
  workspace_id: string;
  case_id: string;
  version: number;
  patch: CasePatch;
  message: Omit<NewMessage, 'workspace_id' | 'case_id'> & { id: string };
  events: EventRecord;
};
/** The values of a message's write, flat: the patch's under `patch.<column>`. */
type MessageWriteValues = Record<string, unknown>;

/**
 * The statement of insertMessageUpdatingCase for the columns its patch sets (its form: a reply
 * that changes the status sets more of them than one that does not), compiled once per form
 * (statementByShape): Kysely's building and compiling were a tenth of the app's CPU a reply.
 */
const messageWriteStatement = statementByShape((db, form: { patch: string[] }, v: MessageWriteValues) => {
  const patch = Object.fromEntries(form.patch.map((k) => [k, v[`patch.${k}`]])) as CasePatch;
  const events = {
    workspaceId: v.events_workspace_id,
    items: v.events_items,
    at: v.events_at,
    notes: v.events_notes,
    jobs: v.events_jobs,
  } as EventRecord;
  return (
    db
      .with('c', (qc) =>
        qc
          .updateTable('cases')
          .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
          .where('workspace_id', '=', v.workspace_id as string)
          .where('id', '=', v.case_id as string)
          .where('version', '=', v.version as number)
          .returning('id'),
      )
      .with('m', (qc) =>
        qc
          .insertInto('messages')
          .columns(['workspace_id', 'case_id', ...MESSAGE_COLUMNS])
          .expression((eb) =>
            eb
              .selectFrom('c')
              .select([
                sql<string>`${v.workspace_id}::uuid`.as('workspace_id'),
                'c.id as case_id',
                sql<string>`${v.message_id}::uuid`.as('id'),
                sql<string>`${v.visibility}::message_visibility`.as('visibility'),
                sql<string>`${v.author_kind}::party_kind`.as('author_kind'),
                sql<string | null>`${v.author_staff_id}::uuid`.as('author_staff_id'),
                sql<string | null>`${v.author_customer_id}::uuid`.as('author_customer_id'),
                sql<string>`${v.body}`.as('body'),
                sql<Date>`${v.created_at}::timestamptz`.as('created_at'),
              ]),
          )
          .returning(MESSAGE_COLUMNS),
      )
      .selectFrom('m')
      // The message as the answer shows it (case-view.queries.ts messagesSql reads the same columns),
      // so a reply without uploads needs no read after its write.
      .select((eb) => [
        ...MESSAGE_COLUMNS,
        eb
          .selectFrom('staff')
          .select('staff.name')
          .whereRef('staff.id', '=', 'm.author_staff_id')
          .as('staff_name'),
        eb
          .selectFrom('customers')
          .select('customers.name')
          .whereRef('customers.id', '=', 'm.author_customer_id')
          .as('customer_name'),
        eb
          .selectFrom('workspaces')
          .select('workspaces.name')
          .where('workspaces.id', '=', v.workspace_id as string)
          .as('workspace_name'),
        recordEventsCall(events).as('recorded'),
      ])
  );
});

/**
 * A message, the case's new state and the events, in one statement, provided the case is still at
 * the version the writer read (and decided on). Returns the message with its authors' names (the
 * answer to a reply), or nothing when someone changed the case in between; the update waits for a
 * concurrent writer's row lock and then sees its version, so the check cannot miss a change.
 */
export const insertMessageUpdatingCase = (db: Executor, w: MessageWrite) => {
  const patchKeys = Object.keys(w.patch).sort();
  const values: MessageWriteValues = {
    workspace_id: w.workspace_id,
    case_id: w.case_id,
    version: w.version,
    message_id: w.message.id,
    visibility: w.message.visibility,
    author_kind: w.message.author_kind,
    author_staff_id: w.message.author_staff_id ?? null,
    author_customer_id: w.message.author_customer_id ?? null,
    body: w.message.body,
    created_at: w.message.created_at,
    events_workspace_id: w.events.workspaceId,
    events_items: w.events.items,
    events_at: w.events.at,
    events_notes: w.events.notes,
    events_jobs: w.events.jobs,
  };
  for (const k of patchKeys) values[`patch.${k}`] = w.patch[k as keyof CasePatch];
  return db.executeQuery(messageWriteStatement(db, { patch: patchKeys }, values)).then((r) => r.rows[0]);
};
