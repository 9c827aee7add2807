import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { DB } from '../../infra/db.types.ts';

// The IMAP side of mailboxes: settings and poll state (table mailbox_imap).

export const imapOfMailbox = (db: Executor, mailboxId: string) =>
  db.selectFrom('mailbox_imap').selectAll().where('mailbox_id', '=', mailboxId).executeTakeFirst();

export const imapOfWorkspace = (db: Executor, workspaceId: string) =>
  db.selectFrom('mailbox_imap').selectAll().where('workspace_id', '=', workspaceId).execute();

export const upsertImap = (db: Executor, row: Insertable<DB['mailbox_imap']>) =>
  db
    .insertInto('mailbox_imap')
    .values(row)
    .onConflict((oc) =>
      oc.column('mailbox_id').doUpdateSet((eb) => ({
        host: eb.ref('excluded.host'),
        port: eb.ref('excluded.port'),
        security: eb.ref('excluded.security'),
        username: eb.ref('excluded.username'),
        password_sealed: eb.ref('excluded.password_sealed'),
        folder: eb.ref('excluded.folder'),
        poll_seconds: eb.ref('excluded.poll_seconds'),
        // New settings get a fresh start: the next poll's error is the one that counts.
        failures: 0,
        last_error: null,
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();

/** The mailbox and its IMAP row, when the mailbox is (still) in IMAP mode. */
export const imapMailboxForPoll = (db: Executor, mailboxId: string) =>
  db
    .selectFrom('mailbox_imap as i')
    .innerJoin('mailboxes as m', 'm.id', 'i.mailbox_id')
    .selectAll('i')
    .select(['m.address', 'm.mode'])
    .where('i.mailbox_id', '=', mailboxId)
    .where('m.mode', '=', 'imap')
    .executeTakeFirst();

/** Takes the poll lease unless another run holds it; null means someone else is polling. */
export const claimPoll = (db: Executor, mailboxId: string, until: Date, now: Date) =>
  db
    .updateTable('mailbox_imap')
    .set({ lease_until: until })
    .where('mailbox_id', '=', mailboxId)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returning('mailbox_id')
    .executeTakeFirst();

export const updateImapState = (db: Executor, mailboxId: string, patch: Updateable<DB['mailbox_imap']>) =>
  db.updateTable('mailbox_imap').set(patch).where('mailbox_id', '=', mailboxId).execute();

export const imapMailboxIds = (db: Executor) =>
  db
    .selectFrom('mailbox_imap as i')
    .innerJoin('mailboxes as m', 'm.id', 'i.mailbox_id')
    .select('i.mailbox_id')
    .where('m.mode', '=', 'imap')
    .execute();

/**
 * Queues the mailbox's next poll. `replace` moves a queued poll to `runAt` (a settings change
 * polls now); `preserve_run_at` only makes sure one is queued (the sweep).
 */
export const schedulePoll = (
  db: Executor,
  mailboxId: string,
  runAt: Date,
  mode: 'replace' | 'preserve_run_at' = 'replace',
) =>
  sql`select graphile_worker.add_job('email.imap.poll', ${JSON.stringify({ mailbox_id: mailboxId })}::json,
      run_at := ${runAt}, job_key := ${`email.imap.poll:${mailboxId}`}, job_key_mode := ${mode},
      max_attempts := 5)`.execute(db);

export const scheduleSweep = (db: Executor, minutes: number) =>
  sql`select graphile_worker.add_job('email.imap.sweep', '{}'::json,
      run_at := now() + make_interval(mins => ${minutes}), job_key := 'email.imap.sweep',
      job_key_mode := 'replace')`.execute(db);
