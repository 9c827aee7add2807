import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AddressObject, ParsedMail } from 'mailparser';
import type { Deps } from '../../deps.ts';
import type { Executor } from '../../infra/db.ts';
import { addChannelMessage, openChannelCase, recordStoredAttachment } from '../cases/index.ts';
import { findOrCreateCustomerByEmail } from '../customers/index.ts';
import * as q from './email.queries.ts';
import {
  automatedReason,
  caseNumberInSubject,
  caseSubject,
  headerBlockSize,
  MAX_ATTACHMENTS,
  MAX_HEADER_BYTES,
  messageBody,
  partMediaType,
  replyTokenIn,
  storable,
  stripQuoted,
  threadIds,
} from './email.rules.ts';

export const newReplyToken = () => randomBytes(12).toString('hex');

/** The workspace (and mailbox) a recipient address belongs to, or null if it is not ours. */
export async function resolveRecipient(deps: Deps, address: string) {
  const addr = address.trim().toLowerCase();
  const mailbox = await q.findMailboxByAddress(deps.db, addr);
  if (mailbox) return { workspaceId: mailbox.workspace_id, mailboxId: mailbox.id };
  const token = replyTokenIn([addr], deps.config.MAIL_DOMAIN);
  const found = token ? await q.findReplyToken(deps.db, token) : undefined;
  return found ? { workspaceId: found.workspace_id, mailboxId: null } : null;
}

/**
 * Stores an accepted message raw, once per workspace it is addressed to, and queues its
 * processing in the same transaction: after this returns, the message cannot be lost.
 */
export async function storeInbound(
  deps: Deps,
  m: { raw: Buffer; mailFrom: string; rcptTo: string[]; remoteAddress: string | null },
) {
  const byWorkspace = new Map<string, { mailboxId: string | null; rcpt: string[] }>();
  for (const rcpt of m.rcptTo) {
    const r = await resolveRecipient(deps, rcpt);
    if (!r) continue;
    const entry = byWorkspace.get(r.workspaceId) ?? { mailboxId: null, rcpt: [] };
    entry.mailboxId ??= r.mailboxId;
    entry.rcpt.push(rcpt.toLowerCase());
    byWorkspace.set(r.workspaceId, entry);
  }
  return deps.db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (const [workspaceId, e] of byWorkspace) {
      const { id } = await q.insertInbound(trx, {
        workspace_id: workspaceId,
        mailbox_id: e.mailboxId,
        mail_from: m.mailFrom.toLowerCase(),
        rcpt_to: e.rcpt,
        remote_address: m.remoteAddress,
        raw: m.raw,
        size_bytes: m.raw.length,
        received_at: deps.clock.now(),
      });
      await q.addJob(trx, 'email.process', { inbound_id: id }, `email.process:${id}`);
      ids.push(id);
    }
    return ids;
  });
}

type Inbound = NonNullable<Awaited<ReturnType<typeof q.getInbound>>>;
type Outcome = {
  status: 'processed' | 'ignored' | 'quarantined' | 'skipped';
  reason?: string;
  case_id?: string;
};

const addressesOf = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? '')).filter(Boolean);

const EXECUTABLE = /\.(exe|bat|cmd|com|scr|js|vbs|msi|ps1|jar|dll|pif|lnk)$/i;

/** Reasons a message goes to quarantine before it touches a case (skipped when an admin released it). */
function hostileReason(deps: Deps, raw: Buffer, parsed: ParsedMail): string | null {
  if (headerBlockSize(raw) > MAX_HEADER_BYTES) return 'headers_too_large';
  if (parsed.attachments.length > MAX_ATTACHMENTS) return 'too_many_attachments';
  for (const a of parsed.attachments) {
    if (a.size > deps.config.ATTACHMENT_MAX_BYTES) return 'attachment_too_large';
    if (EXECUTABLE.test(a.filename ?? '')) return 'attachment_executable';
  }
  return null;
}

async function parse(raw: Buffer): Promise<ParsedMail | null> {
  try {
    // Loaded on first use: the parser and sanitiser are large and only the worker role needs them.
    const { simpleParser } = await import('mailparser');
    return await simpleParser(raw, {
      skipImageLinks: true,
      skipTextToHtml: true,
      maxHtmlLengthToParse: 5_000_000,
    });
  } catch {
    return null;
  }
}

/** A header as written (unfolded), looked up in the raw header lines: mailparser reshapes some. */
const headerOf = (parsed: ParsedMail) => (name: string) => {
  const line = parsed.headerLines.find((h) => h.key === name)?.line;
  return line === undefined ? undefined : line.slice(line.indexOf(':') + 1).trim();
};

/** Processes one stored message; safe to run again (it acts only on a message still `received`). */
export async function processInbound(deps: Deps, id: string): Promise<Outcome> {
  const row = await q.getInbound(deps.db, id);
  if (row?.status !== 'received' || !row.raw) return { status: 'skipped' };
  const raw = Buffer.from(row.raw);
  const parsed = await parse(raw);
  if (!parsed) return settle(deps, row, { status: 'quarantined', reason: 'unparseable' });
  const from = parsed.from?.value[0];
  const sender = storable(from?.address?.trim().toLowerCase() ?? '');
  const messageIdHeader =
    storable(parsed.messageId?.trim() ?? '') ||
    `<${createHash('sha256').update(raw).digest('hex')}@no-message-id>`;
  const { default: sanitizeHtml } = await import('sanitize-html');
  const base = {
    subject: caseSubject(parsed.subject),
    message_id_header: storable(messageIdHeader.slice(0, 998)),
    text_full: parsed.text?.replaceAll('\u0000', '') ?? null,
    html_sanitized:
      typeof parsed.html === 'string' ? sanitizeHtml(parsed.html).replaceAll('\u0000', '') : null,
  };
  if (!/^[^\s@<>]{1,64}@[^\s@<>]{1,253}$/.test(sender))
    return settle(deps, row, { status: 'quarantined', reason: 'no_valid_sender' }, base);
  const contentType = headerOf(parsed)('content-type') ?? '';
  const automated = automatedReason(headerOf(parsed), sender, contentType);
  if (automated && !row.override) return settle(deps, row, { status: 'ignored', reason: automated }, base);
  const hostile = hostileReason(deps, raw, parsed);
  if (hostile && !row.override) return settle(deps, row, { status: 'quarantined', reason: hostile }, base);
  const files = await storeFiles(deps, parsed);
  try {
    return await thread(deps, row, parsed, { sender, name: storable(from?.name ?? ''), base, files });
  } catch (err) {
    await Promise.all(files.map((f) => deps.storage.remove(f.stored.key).catch(() => undefined)));
    throw err;
  }
}

type StoredPart = {
  filename: string;
  contentType: string;
  stored: { key: string; size: number; sha256: string };
};

async function storeFiles(deps: Deps, parsed: ParsedMail): Promise<StoredPart[]> {
  const out: StoredPart[] = [];
  for (const a of parsed.attachments.slice(0, MAX_ATTACHMENTS)) {
    if (a.size > deps.config.ATTACHMENT_MAX_BYTES) continue; // only reachable after a release
    const stored = await deps.storage.put(Readable.from([a.content]), deps.config.ATTACHMENT_MAX_BYTES);
    out.push({
      filename: a.filename ?? (a.cid ? `inline-${a.cid}` : 'attachment'),
      contentType: partMediaType(a.contentType),
      stored,
    });
  }
  return out;
}

async function settle(
  deps: Deps,
  row: Inbound,
  o: Outcome,
  base: Record<string, string | null> = {},
  trx: Executor = deps.db,
): Promise<Outcome> {
  await q.updateInbound(trx, row.id, {
    ...base,
    status: o.status === 'skipped' ? 'received' : o.status,
    reason: o.reason ?? null,
    case_id: o.case_id ?? null,
    processed_at: deps.clock.now(),
  });
  return o;
}

async function findThread(deps: Deps, trx: Executor, row: Inbound, parsed: ParsedMail, customerId: string) {
  const ws = row.workspace_id;
  const addresses = [...row.rcpt_to, ...addressesOf(parsed.to), ...addressesOf(parsed.cc)];
  const token = replyTokenIn(addresses, deps.config.MAIL_DOMAIN);
  const byToken = token ? await q.findReplyToken(trx, token) : undefined;
  if (byToken && byToken.workspace_id === ws) return { caseId: byToken.case_id, via: 'reply_token' };
  const byHeader = await q.findCaseByHeaders(
    trx,
    ws,
    threadIds(parsed.inReplyTo, parsed.references).map(storable),
  );
  if (byHeader) return { caseId: byHeader.case_id, via: 'headers' };
  const number = caseNumberInSubject(parsed.subject ?? '');
  const byNumber = number ? await q.caseByNumber(trx, ws, number) : undefined;
  // A number in a subject is easy to guess: it threads only the case's own customer's mail.
  if (byNumber && byNumber.customer_id === customerId) return { caseId: byNumber.id, via: 'subject_number' };
  return null;
}

async function thread(
  deps: Deps,
  row: Inbound,
  parsed: ParsedMail,
  p: { sender: string; name: string; base: Record<string, string | null>; files: StoredPart[] },
): Promise<Outcome> {
  return deps.db.transaction().execute(async (trx) => {
    const locked = await q.lockInbound(trx, row.id);
    if (locked?.status !== 'received') return { status: 'skipped' as const };
    const ws = row.workspace_id;
    await q.lockWorkspaceRow(trx, ws);
    const header = p.base.message_id_header!;
    const seen = await q.findEmailMessage(trx, ws, header);
    if (seen)
      return settle(
        deps,
        row,
        { status: 'ignored', reason: 'duplicate', case_id: seen.case_id },
        p.base,
        trx,
      );
    const customer = await findOrCreateCustomerByEmail(
      deps,
      trx,
      ws,
      { email: p.sender, name: p.name },
      { kind: 'system', id: null },
    );
    const at = deps.clock.now();
    const attachmentIds: string[] = [];
    for (const f of p.files) {
      const a = await recordStoredAttachment(trx, { workspaceId: ws, customerId: customer.id, ...f, at });
      attachmentIds.push(a.id);
    }
    const body = messageBody(stripQuoted(parsed.text ?? ''));
    const found = await findThread(deps, trx, row, parsed, customer.id);
    const existing = found ? await q.caseById(trx, ws, found.caseId) : undefined;
    let caseId: string;
    let messageId: string;
    let linked: string | null = null;
    if (existing && existing.status !== 'closed') {
      caseId = existing.id;
      ({ messageId } = await addChannelMessage(deps, trx, {
        workspaceId: ws,
        customerId: customer.id,
        caseId,
        body,
        attachmentIds,
      }));
    } else {
      linked = existing?.id ?? null;
      const mailbox = row.mailbox_id ? await q.getMailbox(trx, ws, row.mailbox_id) : undefined;
      const made = await openChannelCase(deps, trx, {
        workspaceId: ws,
        customer,
        subject: p.base.subject!,
        body,
        channel: 'email',
        teamId: mailbox?.team_id ?? existing?.team_id ?? null,
        attachmentIds,
        data: linked ? { linked_case_id: linked, linked_case_number: existing?.number } : {},
      });
      caseId = made.id;
      messageId = made.messageId;
      await q.insertReplyToken(trx, { token: newReplyToken(), workspace_id: ws, case_id: caseId });
    }
    await q.insertEmailMessage(trx, {
      workspace_id: ws,
      message_id_header: header,
      direction: 'in',
      case_id: caseId,
      message_id: messageId,
      inbound_email_id: row.id,
    });
    await q.updateInbound(trx, row.id, { message_id: messageId, linked_case_id: linked });
    return settle(
      deps,
      row,
      { status: 'processed', reason: found?.via ?? 'new_case', case_id: caseId },
      p.base,
      trx,
    );
  });
}
