import { sql, type Updateable } from 'kysely';
import type { DB, Executor } from '../../infra/db.ts';
import { type EventRecord, recordEventsCall } from '../../infra/emit.ts';
import { statementByShape, statementOnce } from '../../infra/statement-shapes.ts';
import type { NewMessage } from './cases.queries.ts';

// The write path in as few round trips as the rules allow (docs/decisions.md, 2026-11-24): each
// statement costs the app and PostgreSQL CPU whatever it does. Ids are made by the app
// (`randomUUIDv7`), so the events can name the new rows before they exist. A new case's statement
// is in case-open.queries.ts.

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
