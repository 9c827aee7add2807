import type { ImapSettingsInput } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import type { StaffActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import * as q from './email.queries.ts';
import { imapOfMailbox, imapOfWorkspace } from './imap.queries.ts';
import { checkImapMode, saveImapSettings } from './imap-settings.service.ts';

type MailboxInput = {
  address: string;
  name: string;
  mode: 'smtp' | 'imap';
  team_id: string | null;
  imap?: ImapSettingsInput | undefined;
};

async function checkTeam(db: Executor, workspaceId: string, teamId: string | null | undefined) {
  if (teamId && !(await q.teamInWorkspace(db, workspaceId, teamId))) throw notFound('Team');
}

/** Mailboxes with their IMAP settings and poll state (null for one never set up for IMAP). */
export async function listMailboxes(deps: Deps, actor: StaffActor) {
  const [rows, imap] = await Promise.all([
    q.listMailboxes(deps.db, actor.workspaceId),
    imapOfWorkspace(deps.db, actor.workspaceId),
  ]);
  const byMailbox = new Map(imap.map((i) => [i.mailbox_id, i]));
  return rows.map((m) => ({ ...m, imap: byMailbox.get(m.id) ?? null }));
}

/** Adds a mailbox (with its IMAP settings, if given); an address used by any workspace is a conflict. */
export async function addMailbox(deps: Deps, workspaceId: string, input: MailboxInput) {
  await checkTeam(deps.db, workspaceId, input.team_id);
  const { imap, ...fields } = input;
  return deps.db.transaction().execute(async (trx) => {
    const row = await q.insertMailbox(trx, {
      workspace_id: workspaceId,
      ...fields,
      address: input.address.toLowerCase(),
    });
    if (!row)
      throw new AppError('conflict', 'This address is already a mailbox', {
        reason: 'mailbox_address_taken',
      });
    const settings = imap ? await saveImapSettings(deps, trx, row, imap) : null;
    return { ...row, imap: settings };
  });
}

export async function changeMailbox(
  deps: Deps,
  actor: StaffActor,
  id: string,
  patch: Partial<Omit<MailboxInput, 'address'>>,
) {
  await checkTeam(deps.db, actor.workspaceId, patch.team_id);
  const { imap, ...fields } = patch;
  return deps.db.transaction().execute(async (trx) => {
    const row = await q.updateMailbox(trx, actor.workspaceId, id, {
      ...fields,
      updated_at: deps.clock.now(),
    });
    if (!row) throw notFound('Mailbox');
    if (imap) await saveImapSettings(deps, trx, row, imap);
    else if (fields.mode) await checkImapMode(deps, trx, row);
    return { ...row, imap: (await imapOfMailbox(trx, id)) ?? null };
  });
}

export async function removeMailbox(deps: Deps, actor: StaffActor, id: string) {
  if (!(await q.deleteMailbox(deps.db, actor.workspaceId, id))) throw notFound('Mailbox');
}

/** The demo workspace's mailbox (seeded once; a second seed finds the address taken). */
export async function seedDemoMailbox(deps: Deps, workspaceId: string, teamId: string | null = null) {
  return q.insertMailbox(deps.db, {
    workspace_id: workspaceId,
    address: 'support@fairdesk.example',
    name: 'Fairdesk support',
    mode: 'smtp',
    team_id: teamId,
  });
}

type Cursor = { at: Date; id: string };
export const encodeCursor = (c: { at: Date; id: string }) =>
  Buffer.from(JSON.stringify([c.at.toISOString(), c.id])).toString('base64url');
function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [string, string];
    const d = new Date(at);
    if (Number.isNaN(d.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad');
    return { at: d, id };
  } catch {
    throw new AppError('invalid', 'The cursor is not valid', { reason: 'invalid_cursor' });
  }
}

export async function listQuarantine(deps: Deps, actor: StaffActor, limit: number, cursor?: string) {
  const rows = await q.listQuarantine(deps.db, actor.workspaceId, limit + 1, decodeCursor(cursor));
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    next_cursor: rows.length > limit && last ? encodeCursor({ at: last.received_at, id: last.id }) : null,
  };
}

async function quarantined(trx: Executor, actor: StaffActor, id: string) {
  const row = await q.lockInbound(trx, id);
  if (!row || row.workspace_id !== actor.workspaceId || row.status !== 'quarantined')
    throw notFound('Quarantined email');
  return row;
}

/** Release: process the message anyway (the size and attachment checks are skipped). */
export async function releaseQuarantined(deps: Deps, actor: StaffActor, id: string) {
  await deps.db.transaction().execute(async (trx) => {
    await quarantined(trx, actor, id);
    await q.updateInbound(trx, id, { status: 'received', reason: null, override: true });
    await q.addJob(trx, 'email.process', { inbound_id: id }, `email.process:${id}:release`);
  });
}

/** Delete: the raw message is dropped; the row stays as a record that it was deleted. */
export async function deleteQuarantined(deps: Deps, actor: StaffActor, id: string) {
  await deps.db.transaction().execute(async (trx) => {
    await quarantined(trx, actor, id);
    await q.updateInbound(trx, id, { status: 'deleted', raw: null, text_full: null, html_sanitized: null });
  });
}

export async function listOutgoing(deps: Deps, actor: StaffActor, limit: number, cursor?: string) {
  const rows = await q.listOutgoing(deps.db, actor.workspaceId, limit + 1, decodeCursor(cursor));
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    next_cursor: rows.length > limit && last ? encodeCursor({ at: last.created_at, id: last.id }) : null,
  };
}

export async function getOutgoing(deps: Deps, actor: StaffActor, id: string) {
  const row = await q.getOutgoing(deps.db, actor.workspaceId, id);
  if (!row) throw notFound('Outgoing email');
  return row;
}

/**
 * "Send again": a person decided a failed mail should go out (after an interrupted delivery, once
 * they checked with the recipient). Only a failed mail can be sent again; its send job is queued
 * under the mail's own key, so a pending retry is replaced rather than doubled.
 */
export async function resendOutgoing(deps: Deps, actor: StaffActor, id: string) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await q.getOutgoing(trx, actor.workspaceId, id);
    if (!row) throw notFound('Outgoing email');
    if (!(await q.requeueFailedOutgoing(trx, actor.workspaceId, id, deps.clock.now())))
      throw new AppError('conflict', `Only a failed mail can be sent again; this one is ${row.status}`, {
        reason: 'outgoing_not_failed',
      });
    await q.addJob(trx, 'email.send', { outgoing_id: id }, `email.send:${id}`, q.SEND_ATTEMPTS);
    return (await q.getOutgoing(trx, actor.workspaceId, id))!;
  });
}
