import { type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { DB } from '../../infra/db.types.ts';

// Outgoing mail: what a reply is made of, and its delivery records.
export const messageForMail = (db: Executor, workspaceId: string, messageId: string) =>
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
    ])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.id', '=', messageId)
    .executeTakeFirst();

export const threadOfCase = (db: Executor, caseId: string) =>
  db
    .selectFrom('email_messages')
    .select(['message_id_header', 'direction', 'inbound_email_id'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .limit(200)
    .execute();

export const mailboxOfCase = (db: Executor, workspaceId: string, caseId: string) =>
  db
    .selectFrom('inbound_emails as i')
    .innerJoin('mailboxes as mb', 'mb.id', 'i.mailbox_id')
    .select(['mb.address', 'mb.name'])
    .where('i.workspace_id', '=', workspaceId)
    .where('i.case_id', '=', caseId)
    .orderBy('i.received_at', 'desc')
    .limit(1)
    .executeTakeFirst();

export const anyMailbox = (db: Executor, workspaceId: string) =>
  db
    .selectFrom('mailboxes')
    .select(['address', 'name'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();

export type OutgoingRow = Selectable<DB['outgoing_emails']>;

export const insertOutgoing = (
  db: Executor,
  row: Omit<
    Selectable<DB['outgoing_emails']>,
    'id' | 'status' | 'attempts' | 'last_response' | 'sent_at' | 'updated_at' | 'interrupted_at'
  >,
) =>
  db
    .insertInto('outgoing_emails')
    .values(row)
    // One mail per message (replies) and per cause (notifications): either key makes it a repeat.
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();

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
