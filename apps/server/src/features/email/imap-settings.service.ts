import type { ImapSettingsInput, ImapTestResult } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import type { StaffActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import * as mq from './email.queries.ts';
import { closeImap, connectImap, type ImapSettings } from './imap.client.ts';
import * as q from './imap.queries.ts';
import { describeImapFailure } from './imap.rules.ts';
import { openImapPassword, sealImapPassword } from './imap-secrets.ts';

/**
 * Saves a mailbox's IMAP settings in the caller's transaction; without a new password the stored
 * one is kept. An IMAP mailbox's next poll is queued now, so new settings are tried at once.
 */
export async function saveImapSettings(
  deps: Deps,
  trx: Executor,
  mailbox: { id: string; workspace_id: string; mode: 'smtp' | 'imap' },
  input: ImapSettingsInput,
) {
  const existing = await q.imapOfMailbox(trx, mailbox.id);
  const sealed = input.password ? sealImapPassword(deps, input.password) : existing?.password_sealed;
  if (!sealed)
    throw new AppError('invalid', 'Give the password of the IMAP account', {
      reason: 'imap_password_required',
    });
  const { password: _, ...settings } = input;
  const row = await q.upsertImap(trx, {
    ...settings,
    mailbox_id: mailbox.id,
    workspace_id: mailbox.workspace_id,
    password_sealed: sealed,
    updated_at: deps.clock.now(),
  });
  if (mailbox.mode === 'imap') await q.schedulePoll(trx, mailbox.id, deps.clock.now());
  return row;
}

/** An IMAP mailbox must have settings; switching one to IMAP polls it now. */
export async function checkImapMode(deps: Deps, trx: Executor, mailbox: { id: string; mode: string }) {
  if (mailbox.mode !== 'imap') return;
  if (!(await q.imapOfMailbox(trx, mailbox.id)))
    throw new AppError('invalid', 'An IMAP mailbox needs its server settings', {
      reason: 'imap_settings_required',
    });
  await q.schedulePoll(trx, mailbox.id, deps.clock.now());
}

/** Tries to log in and open the folder with the stored settings, each given field replacing its own. */
export async function testImapConnection(
  deps: Deps,
  actor: StaffActor,
  mailboxId: string,
  overrides: Partial<ImapSettings>,
): Promise<ImapTestResult> {
  const mailbox = await mq.getMailbox(deps.db, actor.workspaceId, mailboxId);
  if (!mailbox) throw notFound('Mailbox');
  const stored = await q.imapOfMailbox(deps.db, mailboxId);
  const password = overrides.password ?? (stored ? storedPassword(deps, stored.password_sealed) : undefined);
  const { host, port, security, username, folder } = { ...stored, ...overrides };
  if (!host || !port || !security || !username || !folder || !password)
    throw new AppError('invalid', 'Give the host, user name and password to test', {
      reason: 'imap_settings_incomplete',
    });
  return tryImap(deps, { host, port, security, username, folder, password });
}

function storedPassword(deps: Deps, sealed: string) {
  try {
    return openImapPassword(deps, sealed);
  } catch {
    return undefined; // unreadable (SECRET_KEY changed): the admin must give it again
  }
}

async function tryImap(deps: Deps, s: ImapSettings): Promise<ImapTestResult> {
  let client: Awaited<ReturnType<typeof connectImap>> | undefined;
  try {
    client = await connectImap(s, deps.log);
    // Opened read-only, as the poll would open it, so nothing in the folder changes.
    const lock = await client.getMailboxLock(s.folder, { readOnly: true });
    const messages = client.mailbox ? client.mailbox.exists : null;
    lock.release();
    return {
      ok: true,
      message: `Signed in to ${s.host}; the folder ${s.folder} holds ${messages ?? 0} messages`,
      messages,
    };
  } catch (err) {
    return { ok: false, message: describeImapFailure(err, s), messages: null };
  } finally {
    if (client) await closeImap(client);
  }
}
