import { type Selectable, sql, type Updateable } from 'kysely';
import { jobPriority } from '../../events.ts';
import type { Executor } from '../../infra/db.ts';
import type { DB } from '../../infra/db.types.ts';
import { statementOnce } from '../../infra/statement-shapes.ts';

// Outgoing mail: what a reply is made of, and its delivery records.

/** How often `email.send` tries a mail before it stays failed for a person (retries back off). */
export const SEND_ATTEMPTS = 12;

// The mail path's statements are compiled once (statementOnce): through
// a backlog of replies, Kysely's building was 8% of the worker's CPU (docs/decisions.md, 2026-12-07).
const messageForMailStatement = statementOnce((db, v: { workspaceId: string; messageId: string }) =>
  db
    .selectFrom('messages as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .innerJoin('workspaces as w', 'w.id', 'c.workspace_id')
    .select([
      'm.id',
      'm.body',
      'm.visibility',
      'm.author_kind',
      'c.id as case_id',
      'c.number',
      'c.subject',
      'c.channel',
      'cu.email as customer_email',
      'cu.name as customer_name',
      'w.name as workspace_name',
      // The mail already recorded for this message, if any (the job ran before).
      (eb) =>
        eb
          .selectFrom('outgoing_emails as o')
          .select('o.id')
          .whereRef('o.message_id', '=', 'm.id')
          .as('outgoing_id'),
    ])
    .where('m.workspace_id', '=', v.workspaceId)
    .where('m.id', '=', v.messageId),
);

export const messageForMail = (db: Executor, workspaceId: string, messageId: string) =>
  messageForMailStatement(db, { workspaceId, messageId }).then((rows) => rows[0]);

/**
 * What an outgoing mail on a case is made of, in one read (a reply's mail job was ten round trips):
 * the case's reply token, its mail thread oldest first (for In-Reply-To and References), and the
 * mailbox its mail last came in by, else the workspace's first. The token is null until the case's
 * first mail adds one (insertReplyToken).
 */
export const outgoingContext = (db: Executor, workspaceId: string, caseId: string) =>
  sql<{
    token: string | null;
    thread: { message_id_header: string; direction: 'in' | 'out' }[];
    mailbox_address: string | null;
    mailbox_name: string | null;
  }>`
    select
      (select t.token from email_reply_tokens t where t.case_id = ${caseId}) as token,
      coalesce((
        select json_agg(json_build_object('message_id_header', e.message_id_header, 'direction', e.direction)
          order by e.created_at)
        from (select message_id_header, direction, created_at from email_messages
          where case_id = ${caseId} order by created_at limit 200) e
      ), '[]'::json) as thread,
      mb.address as mailbox_address, mb.name as mailbox_name
    from (select 1) one
    left join lateral (
      select x.address, x.name from (
        (select m.address, m.name, 0 as preference from inbound_emails i
          join mailboxes m on m.id = i.mailbox_id
          where i.workspace_id = ${workspaceId} and i.case_id = ${caseId}
          order by i.received_at desc limit 1)
        union all
        (select address, name, 1 from mailboxes where workspace_id = ${workspaceId}
          order by created_at limit 1)
      ) x order by x.preference limit 1
    ) mb on true`
    .execute(db)
    .then((r) => r.rows[0]!);

export type OutgoingRow = Selectable<DB['outgoing_emails']>;

type NewOutgoing = Omit<
  Selectable<DB['outgoing_emails']>,
  'id' | 'status' | 'attempts' | 'last_response' | 'sent_at' | 'updated_at' | 'interrupted_at'
>;

const insertOutgoingStatement = statementOnce((db, row: NewOutgoing) =>
  db
    .with('o', (qc) =>
      qc
        .insertInto('outgoing_emails')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returning('id'),
    )
    .with('e', (qc) =>
      qc
        .insertInto('email_messages')
        .columns(['workspace_id', 'message_id_header', 'direction', 'case_id', 'message_id'])
        .expression((eb) =>
          eb
            .selectFrom('o')
            .select([
              sql<string>`${row.workspace_id}::uuid`.as('workspace_id'),
              sql<string>`${row.message_id_header}`.as('message_id_header'),
              sql<'out'>`'out'`.as('direction'),
              sql<string>`${row.case_id}::uuid`.as('case_id'),
              sql<string | null>`${row.message_id}::uuid`.as('message_id'),
            ]),
        )
        .onConflict((oc) => oc.doNothing()),
    )
    .selectFrom('o')
    .select([
      'o.id',
      sql<string>`(graphile_worker.add_job('email.send', json_build_object('outgoing_id', o.id),
        job_key := 'email.send:' || o.id, job_key_mode := 'preserve_run_at',
        max_attempts := ${SEND_ATTEMPTS}::int, priority := ${jobPriority('email.send')}::int)).id::text`.as(
        'job_id',
      ),
    ]),
);

/**
 * Records an outgoing mail, its entry in the case's mail thread and its send job (`email.send`,
 * keyed by the mail, SEND_ATTEMPTS tries), in one statement. Nothing, and no job, when a mail for the same
 * message or cause exists already (either unique key makes it a repeat).
 */
export const insertOutgoingWithJob = (db: Executor, row: NewOutgoing) =>
  insertOutgoingStatement(db, row).then((rows) => rows[0]);

export const outgoingOfMessage = (db: Executor, messageId: string) =>
  db.selectFrom('outgoing_emails').select('id').where('message_id', '=', messageId).executeTakeFirst();

export const lockOutgoing = (db: Executor, id: string) =>
  db.selectFrom('outgoing_emails').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/**
 * Claims a mail for one delivery attempt in a single statement: only a `queued` or `failed` row
 * becomes `sending`, so two runs (or a run after a crash) can never both reach the relay. A mail
 * whose delivery was interrupted waits for a person, whatever job runs.
 */
export const claimOutgoing = (db: Executor, id: string, now: Date) =>
  db
    .updateTable('outgoing_emails')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'failed'])
    .where('interrupted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();

/** Ends the attempt that claimed the row (a row no longer `sending` was settled elsewhere). */
export const settleOutgoing = (db: Executor, id: string, patch: Updateable<DB['outgoing_emails']>) =>
  db
    .updateTable('outgoing_emails')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .executeTakeFirst();

/** "Send again": only a `failed` mail goes back to `queued` (returns nothing otherwise). */
export const requeueFailedOutgoing = (db: Executor, workspaceId: string, id: string, now: Date) =>
  db
    .updateTable('outgoing_emails')
    .set({ status: 'queued', interrupted_at: null, updated_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returning('id')
    .executeTakeFirst();

export const listOutgoing = (
  db: Executor,
  workspaceId: string,
  limit: number,
  before?: { at: Date; id: string },
) => {
  let q = db
    .selectFrom('outgoing_emails')
    .select([
      'id',
      'case_id',
      'message_id',
      'from_address',
      'to_address',
      'subject',
      'message_id_header',
      'status',
      'attempts',
      'last_response',
      'sent_at',
      'created_at',
    ])
    .where('workspace_id', '=', workspaceId);
  if (before)
    q = q.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('created_at', 'id'), '<', tuple(before.at, before.id)),
    );
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
};

export const getOutgoing = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('outgoing_emails')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const outgoingWorkspace = async (db: Executor, id: string) =>
  (await db.selectFrom('outgoing_emails').select('workspace_id').where('id', '=', id).executeTakeFirst())
    ?.workspace_id;

export const outgoingStatus = async (db: Executor, id: string) =>
  (await db.selectFrom('outgoing_emails').select('status').where('id', '=', id).executeTakeFirst())?.status;

/**
 * Held on one connection for a whole delivery attempt (session lock: a crash or a lost connection
 * frees it). While it is held, a `sending` row is a live attempt; once it is free, a dead one.
 */
export const lockDelivery = (conn: Executor, id: string) =>
  sql`select pg_advisory_lock(hashtextextended(${`outgoing_email:${id}`}, 0))`.execute(conn);

export const unlockDelivery = (conn: Executor, id: string) =>
  sql`select pg_advisory_unlock(hashtextextended(${`outgoing_email:${id}`}, 0))`.execute(conn);
