import { sql, type Updateable } from 'kysely';
import { jobPriority } from '../../events.ts';
import type { Executor } from '../../infra/db.ts';
import type { DB } from '../../infra/db.types.ts';

export * from './outgoing.queries.ts';

/** Enqueues a graphile-worker job at most once per key, at its task's priority, in the caller's transaction. */
export const addJob = (db: Executor, name: string, payload: object, jobKey: string, maxAttempts = 10) =>
  sql`select graphile_worker.add_job(${name}, ${JSON.stringify(payload)}::json, job_key := ${jobKey},
      job_key_mode := 'preserve_run_at', max_attempts := ${maxAttempts},
      priority := ${jobPriority(name)}::int)`.execute(db);

// Mailboxes

export const findMailboxByAddress = (db: Executor, address: string) =>
  db.selectFrom('mailboxes').selectAll().where('address', '=', address.toLowerCase()).executeTakeFirst();

export const listMailboxes = (db: Executor, workspaceId: string) =>
  db
    .selectFrom('mailboxes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('address')
    .limit(500)
    .execute();

export const getMailbox = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('mailboxes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertMailbox = (
  db: Executor,
  row: { workspace_id: string; address: string; name: string; mode: 'smtp' | 'imap'; team_id: string | null },
) =>
  db
    .insertInto('mailboxes')
    .values(row)
    .onConflict((oc) => oc.column('address').doNothing())
    .returningAll()
    .executeTakeFirst();

export const updateMailbox = (
  db: Executor,
  workspaceId: string,
  id: string,
  patch: Updateable<DB['mailboxes']>,
) =>
  db
    .updateTable('mailboxes')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();

export const deleteMailbox = async (db: Executor, workspaceId: string, id: string) => {
  const res = await db
    .deleteFrom('mailboxes')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
};

export const teamInWorkspace = (db: Executor, workspaceId: string, teamId: string) =>
  db
    .selectFrom('teams')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', teamId)
    .executeTakeFirst();

// Inbound

export const findReplyToken = (db: Executor, token: string) =>
  db.selectFrom('email_reply_tokens').selectAll().where('token', '=', token).executeTakeFirst();

export const insertInbound = (
  db: Executor,
  row: {
    workspace_id: string;
    mailbox_id: string | null;
    mail_from: string;
    rcpt_to: string[];
    remote_address: string | null;
    raw: Buffer;
    size_bytes: number;
    received_at: Date;
  },
) => db.insertInto('inbound_emails').values(row).returning('id').executeTakeFirstOrThrow();

export const lockInbound = (db: Executor, id: string) =>
  db.selectFrom('inbound_emails').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const getInbound = (db: Executor, id: string) =>
  db.selectFrom('inbound_emails').selectAll().where('id', '=', id).executeTakeFirst();

export const updateInbound = (db: Executor, id: string, patch: Updateable<DB['inbound_emails']>) =>
  db.updateTable('inbound_emails').set(patch).where('id', '=', id).execute();

export const findEmailMessage = (db: Executor, workspaceId: string, header: string) =>
  db
    .selectFrom('email_messages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('message_id_header', '=', header)
    .executeTakeFirst();

export const findCaseByHeaders = (db: Executor, workspaceId: string, headers: string[]) =>
  headers.length === 0
    ? Promise.resolve(undefined)
    : db
        .selectFrom('email_messages')
        .select('case_id')
        .where('workspace_id', '=', workspaceId)
        .where('message_id_header', 'in', headers)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();

export const caseById = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'number', 'status', 'customer_id', 'team_id', 'subject'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const caseByNumber = (db: Executor, workspaceId: string, number: number) =>
  db
    .selectFrom('cases')
    .select(['id', 'number', 'status', 'customer_id', 'team_id', 'subject'])
    .where('workspace_id', '=', workspaceId)
    .where('number', '=', number)
    .executeTakeFirst();

export const insertEmailMessage = (
  db: Executor,
  row: {
    workspace_id: string;
    message_id_header: string;
    direction: 'in' | 'out';
    case_id: string;
    message_id: string | null;
    inbound_email_id: string | null;
  },
) =>
  db
    .insertInto('email_messages')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();

export const insertReplyToken = (
  db: Executor,
  row: { token: string; workspace_id: string; case_id: string },
) =>
  db
    .insertInto('email_reply_tokens')
    .values(row)
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();

export const listQuarantine = (
  db: Executor,
  workspaceId: string,
  limit: number,
  before?: { at: Date; id: string },
) => {
  let q = db
    .selectFrom('inbound_emails')
    .select([
      'id',
      'mail_from',
      'rcpt_to',
      'subject',
      'message_id_header',
      'size_bytes',
      'status',
      'reason',
      'received_at',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'quarantined');
  if (before)
    q = q.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('received_at', 'id'), '<', tuple(before.at, before.id)),
    );
  return q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
};

// Outbound

/**
 * Processes one workspace's inbound mail one message at a time: a concurrent duplicate (same
 * Message-ID) or a second mail from a new sender then sees the first one's rows instead of failing
 * on a unique key. (It used to order locks against the case number and the event chain; neither
 * holds a lock to commit any more, see docs/decisions.md on event sealing and case numbers.)
 */
export const lockWorkspaceRow = (db: Executor, workspaceId: string) =>
  db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forNoKeyUpdate().executeTakeFirst();
