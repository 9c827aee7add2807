import { randomUUID } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import type { Executor } from '../../infra/db.ts';
import * as q from './email.queries.ts';
import { htmlFromText, outgoingSubject, referencesHeader } from './email.rules.ts';
import { newReplyToken } from './inbound.service.ts';
import type { NotificationKind } from './templates.rules.ts';

type OutgoingDraft = {
  workspaceId: string;
  caseId: string;
  /** The message the mail carries, if any (unique: one mail per message). */
  messageId: string | null;
  workspaceName: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Notifications only: what they are and the cause they are unique to. */
  notification?: { kind: NotificationKind; causeKey: string };
};

/**
 * Records one outgoing mail on a case with everything that makes the customer's answer thread
 * back (our Message-ID, In-Reply-To/References, the case's reply address), and queues its send
 * job, on the caller's executor (a transaction, or none: the mail and its job are one statement).
 * Null when a mail for the same message or cause exists.
 */
export async function recordOutgoing(deps: Deps, trx: Executor, d: OutgoingDraft) {
  let c = await q.outgoingContext(trx, d.workspaceId, d.caseId);
  if (!c.token) {
    // The case's first mail: its reply token, then the read again (a later statement, so it sees
    // the token another writer may have added first).
    await q.insertReplyToken(trx, { token: newReplyToken(), workspace_id: d.workspaceId, case_id: d.caseId });
    c = await q.outgoingContext(trx, d.workspaceId, d.caseId);
  }
  if (!c.token) throw new Error(`case ${d.caseId} has no reply token after inserting one`);
  const lastIn = [...c.thread].reverse().find((t) => t.direction === 'in');
  const created = await q.insertOutgoingWithJob(trx, {
    workspace_id: d.workspaceId,
    case_id: d.caseId,
    message_id: d.messageId,
    from_address: c.mailbox_address
      ? `"${(c.mailbox_name || d.workspaceName).replace(/"/g, '')}" <${c.mailbox_address}>`
      : deps.config.MAIL_FROM,
    to_address: d.to,
    reply_to: `reply+${c.token}@${deps.config.MAIL_DOMAIN}`,
    subject: d.subject,
    message_id_header: `<${randomUUID()}@${deps.config.MAIL_DOMAIN}>`,
    in_reply_to: lastIn?.message_id_header ?? null,
    references_header: referencesHeader(c.thread.map((t) => t.message_id_header)),
    text_body: d.text,
    html_body: d.html,
    notification_kind: d.notification?.kind ?? null,
    cause_key: d.notification?.causeKey ?? null,
    created_at: deps.clock.now(),
  });
  return created?.id ?? null;
}

/**
 * A public staff (or automatic) reply on an email case becomes an outgoing mail: recorded once per message
 * (unique message_id), then sent by its own job keyed on the mail, which claims the mail before
 * sending (see sendOutgoing), so a crash or a second delivery of the event never sends it twice.
 */
export async function queueReply(deps: Deps, workspaceId: string, messageId: string) {
  const m = await q.messageForMail(deps.db, workspaceId, messageId);
  // Our side speaks by staff replies and by automatic (system) ones, such as macros sent by rules.
  if (m?.visibility !== 'public' || m.author_kind === 'customer' || m.channel !== 'email') return null;
  if (m.outgoing_id) return m.outgoing_id;
  // No transaction: the mail, its thread entry and its job are one statement, and the reply token
  // recordOutgoing may add first is the case's whatever follows.
  const id = await recordOutgoing(deps, deps.db, {
    workspaceId,
    caseId: m.case_id,
    messageId,
    workspaceName: m.workspace_name,
    to: m.customer_email,
    subject: outgoingSubject(m.number, m.subject),
    text: m.body,
    html: htmlFromText(m.body),
  });
  // Null only when another run recorded this message's mail in between: that mail is the answer.
  return id ?? (await q.outgoingOfMessage(deps.db, messageId))?.id ?? null;
}

/** What an attempt that died mid-delivery leaves for a person to read (the relay may have taken it). */
export const INTERRUPTED_DELIVERY =
  'Interrupted during delivery; it may have been delivered. Check with the recipient, then send again by hand.';

type OutgoingStatus = q.OutgoingRow['status'];

/**
 * Sends one outgoing mail at most once. The row is claimed (`queued`/`failed` → `sending`, one
 * statement) before the relay is called; a row found `sending` is an attempt that died mid-delivery
 * (the relay may have taken it), so it ends `failed` for a person to decide, never resent. Throws
 * on a relay error so the job retries with backoff. The whole attempt holds the mail's delivery
 * lock, so a `sending` row seen here cannot belong to an attempt still running elsewhere.
 */
export async function sendOutgoing(deps: Deps, id: string): Promise<OutgoingStatus | null> {
  return deps.db.connection().execute(async (conn) => {
    await q.lockDelivery(conn, id);
    try {
      return await attemptDelivery(deps, conn, id);
    } finally {
      await q.unlockDelivery(conn, id);
    }
  });
}

async function attemptDelivery(deps: Deps, conn: Executor, id: string): Promise<OutgoingStatus | null> {
  const row = await q.claimOutgoing(conn, id, deps.clock.now());
  if (!row) return settleUnclaimed(deps, conn, id);
  if (!deps.config.SMTP_URL) {
    // No relay (development): the mail stays in the table, viewable through the admin API.
    await q.settleOutgoing(conn, id, {
      status: 'captured',
      last_response: null,
      updated_at: deps.clock.now(),
    });
    return 'captured';
  }
  let response: string;
  try {
    response = await deliver(deps, row);
  } catch (err) {
    const e = err as { response?: string; message?: string };
    await q.settleOutgoing(conn, id, {
      status: 'failed',
      last_response: String(e.response ?? e.message ?? err).slice(0, 1000),
      updated_at: deps.clock.now(),
    });
    throw err;
  }
  // Outside the try: if this update fails, the row stays `sending` and the retry settles it as
  // interrupted, instead of taking the relay's 250 for a failure and sending again.
  await q.settleOutgoing(conn, id, {
    status: 'sent',
    last_response: response,
    sent_at: deps.clock.now(),
    updated_at: deps.clock.now(),
  });
  return 'sent';
}

/** Nothing to claim: sent, captured or missing rows are left alone; a `sending` one is a dead attempt. */
async function settleUnclaimed(deps: Deps, conn: Executor, id: string): Promise<OutgoingStatus | null> {
  const settled = await q.settleOutgoing(conn, id, {
    status: 'failed',
    last_response: INTERRUPTED_DELIVERY,
    interrupted_at: deps.clock.now(),
    updated_at: deps.clock.now(),
  });
  if (settled.numUpdatedRows === 0n) return (await q.outgoingStatus(conn, id)) ?? null;
  deps.log.warn({ outgoing_id: id }, 'outgoing mail was interrupted during delivery; not resent');
  return 'failed';
}

/** Hands one mail to the relay; resolves to the relay's answer (its 250 line). */
async function deliver(deps: Deps, row: q.OutgoingRow) {
  const { response } = await deps.mailer.send({
    from: row.from_address,
    to: row.to_address,
    replyTo: row.reply_to ?? undefined,
    subject: row.subject,
    messageId: row.message_id_header,
    inReplyTo: row.in_reply_to ?? undefined,
    references: row.references_header ?? undefined,
    text: row.text_body,
    html: row.html_body,
    headers: {
      'X-Fairdesk-Loop': deps.config.MAIL_DOMAIN,
      // RFC 3834: notifications are automatic, so auto-responders must not answer them.
      ...(row.notification_kind ? { 'Auto-Submitted': 'auto-replied' } : {}),
    },
  });
  return response.slice(0, 1000);
}
