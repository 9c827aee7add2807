import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Deps } from '../../deps.ts';
import * as q from './email.queries.ts';
import { htmlFromText, outgoingSubject, referencesHeader } from './email.rules.ts';
import { newReplyToken } from './inbound.service.ts';

/**
 * A public staff reply on an email case becomes an outgoing mail: recorded once per message
 * (unique message_id), then sent by its own job keyed on the mail, which checks the sent marker
 * before sending, so a crash or a second delivery of the event never sends it twice.
 */
export async function queueReply(deps: Deps, workspaceId: string, messageId: string) {
  const m = await q.messageForMail(deps.db, workspaceId, messageId);
  if (m?.visibility !== 'public' || m.author_kind !== 'staff' || m.channel !== 'email') return null;
  return deps.db.transaction().execute(async (trx) => {
    const existing = await q.outgoingOfMessage(trx, messageId);
    if (existing) return existing.id;
    await q.insertReplyToken(trx, { token: newReplyToken(), workspace_id: workspaceId, case_id: m.case_id });
    const token = (await q.replyTokenOfCase(trx, m.case_id))!.token;
    const thread = await q.threadOfCase(trx, m.case_id);
    const lastIn = [...thread].reverse().find((t) => t.direction === 'in');
    const mailbox =
      (await q.mailboxOfCase(trx, workspaceId, m.case_id)) ?? (await q.anyMailbox(trx, workspaceId));
    const header = `<${randomUUID()}@${deps.config.MAIL_DOMAIN}>`;
    const created = await q.insertOutgoing(trx, {
      workspace_id: workspaceId,
      case_id: m.case_id,
      message_id: messageId,
      from_address: mailbox
        ? `"${(mailbox.name || m.workspace_name).replace(/"/g, '')}" <${mailbox.address}>`
        : deps.config.MAIL_FROM,
      to_address: m.customer_email,
      reply_to: `reply+${token}@${deps.config.MAIL_DOMAIN}`,
      subject: outgoingSubject(m.number, m.subject),
      message_id_header: header,
      in_reply_to: lastIn?.message_id_header ?? null,
      references_header: referencesHeader(thread.map((t) => t.message_id_header)),
      text_body: m.body,
      html_body: htmlFromText(m.body),
      created_at: deps.clock.now(),
    });
    if (!created) return null;
    await q.insertEmailMessage(trx, {
      workspace_id: workspaceId,
      message_id_header: header,
      direction: 'out',
      case_id: m.case_id,
      message_id: messageId,
      inbound_email_id: null,
    });
    await q.addJob(trx, 'email.send', { outgoing_id: created.id }, `email.send:${created.id}`, 12);
    return created.id;
  });
}

const transports = new Map<string, Transporter>();
const transportFor = (url: string) => {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
};

/** Sends one outgoing mail; throws on failure so the job retries with backoff. */
export async function sendOutgoing(deps: Deps, id: string) {
  const row = await q.getOutgoing(deps.db, (await q.outgoingWorkspace(deps.db, id)) ?? '', id);
  if (!row || row.status === 'sent' || row.status === 'captured') return row?.status ?? null;
  const now = deps.clock.now();
  if (!deps.config.SMTP_URL) {
    // No relay (development): the mail stays in the table, viewable through the admin API.
    await q.updateOutgoing(deps.db, id, { status: 'captured', attempts: row.attempts + 1, updated_at: now });
    return 'captured';
  }
  try {
    const info = await transportFor(deps.config.SMTP_URL).sendMail({
      from: row.from_address,
      to: row.to_address,
      replyTo: row.reply_to ?? undefined,
      subject: row.subject,
      messageId: row.message_id_header,
      inReplyTo: row.in_reply_to ?? undefined,
      references: row.references_header ?? undefined,
      text: row.text_body,
      html: row.html_body,
      headers: { 'X-Fairdesk-Loop': deps.config.MAIL_DOMAIN },
    });
    await q.updateOutgoing(deps.db, id, {
      status: 'sent',
      attempts: row.attempts + 1,
      last_response: String(info.response ?? '').slice(0, 1000),
      sent_at: deps.clock.now(),
      updated_at: deps.clock.now(),
    });
    return 'sent';
  } catch (err) {
    const e = err as { response?: string; message?: string };
    await q.updateOutgoing(deps.db, id, {
      status: 'failed',
      attempts: row.attempts + 1,
      last_response: String(e.response ?? e.message ?? err).slice(0, 1000),
      updated_at: now,
    });
    throw err;
  }
}
