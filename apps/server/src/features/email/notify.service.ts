import type { Deps } from '../../deps.ts';
import { queueReply, recordOutgoing } from './outbound.service.ts';
import { templateFor } from './templates.defaults.ts';
import * as tq from './templates.queries.ts';
import {
  firstName,
  mailable,
  type NotificationKind,
  portalCaseUrl,
  renderTemplate,
  type Values,
} from './templates.rules.ts';

type Notice = {
  workspaceId: string;
  caseId: string;
  kind: NotificationKind;
  /** Unique to what caused the mail, so a retried job finds the mail it already made. */
  causeKey: string;
  /** The message the mail tells of, if any. */
  messageId: string | null;
  values: Values;
};

export type NoticeOutcome =
  | { sent: true; outgoing_id: string }
  | { sent: false; why: 'no_case' | 'no_address' | 'disabled' | 'not_applicable' };

/**
 * Writes one customer notification, in the customer's language, as an outgoing mail: the
 * workspace's template for the kind (or the built-in one), unless it is switched off or the
 * customer has no address. Mailed through `email.send` like any reply.
 */
async function queueNotice(deps: Deps, n: Notice): Promise<NoticeOutcome> {
  const already = await tq.outgoingOfCause(deps.db, n.causeKey);
  if (already) return { sent: true, outgoing_id: already.id };
  const c = await tq.caseForNotice(deps.db, n.workspaceId, n.caseId);
  if (!c) return { sent: false, why: 'no_case' };
  if (!mailable(c.customer_email)) return { sent: false, why: 'no_address' };
  const stored = await tq.templatesOf(deps.db, n.workspaceId, n.kind);
  const t = templateFor(n.kind, stored, c.customer_language, c.workspace_languages);
  if (!t.enabled) return { sent: false, why: 'disabled' };
  const values: Values = {
    'customer.name': c.customer_name,
    'customer.first_name': firstName(c.customer_name),
    'case.number': String(c.number),
    'case.subject': c.subject,
    'case.url': portalCaseUrl(deps.config.PUBLIC_URL, c.id),
    'workspace.name': c.workspace_name,
    // Automatic replies, and senders no longer on staff, speak in the workspace's name.
    'agent.name': c.workspace_name,
    ...n.values,
  };
  const mail = renderTemplate(t, values, c.number, t.language);
  const id = await deps.db.transaction().execute(async (trx) => {
    const existing = await tq.outgoingOfCause(trx, n.causeKey);
    if (existing) return existing.id;
    return recordOutgoing(deps, trx, {
      workspaceId: n.workspaceId,
      caseId: c.id,
      messageId: n.messageId,
      workspaceName: c.workspace_name,
      to: c.customer_email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      notification: { kind: n.kind, causeKey: n.causeKey },
    });
  });
  // A concurrent run of the same job won the insert: its mail is this one.
  const outgoingId = id ?? (await tq.outgoingOfCause(deps.db, n.causeKey))?.id;
  return outgoingId ? { sent: true, outgoing_id: outgoingId } : { sent: false, why: 'not_applicable' };
}

/**
 * `case_received`: an acknowledgement when the customer opened the case themselves (portal, email,
 * a partner's API on their behalf as the customer). Not when staff opened it for them: the
 * customer is on the phone or already talking to that person, and did not write to us.
 */
export async function notifyCaseReceived(deps: Deps, workspaceId: string, caseId: string) {
  if ((await tq.caseOpener(deps.db, workspaceId, caseId)) !== 'customer')
    return { sent: false, why: 'not_applicable' } as const;
  return queueNotice(deps, {
    workspaceId,
    caseId,
    kind: 'case_received',
    causeKey: `case_received:${caseId}`,
    messageId: null,
    values: {},
  });
}

/**
 * `agent_replied`: a public reply from our side on a case that is not an email conversation
 * (portal, API, phone) tells the customer by mail, with the reply and a link to the portal. On an
 * email case the reply mail itself is the notification (see queueReply), unframed.
 */
export async function notifyAgentReplied(deps: Deps, workspaceId: string, messageId: string) {
  const m = await tq.messageForNotice(deps.db, workspaceId, messageId);
  if (m?.visibility !== 'public' || m.author_kind === 'customer')
    return { sent: false, why: 'not_applicable' } as const;
  const c = await tq.caseForNotice(deps.db, workspaceId, m.case_id);
  if (!c || c.channel === 'email') return { sent: false, why: 'not_applicable' } as const;
  return queueNotice(deps, {
    workspaceId,
    caseId: m.case_id,
    kind: 'agent_replied',
    causeKey: `agent_replied:${messageId}`,
    messageId,
    values: { ...(m.author_name ? { 'agent.name': m.author_name } : {}), 'reply.text': m.body },
  });
}

/**
 * `decision_made`: a decision told to the customer (policies) goes out framed by the template,
 * with exactly what the customer was told (reason, conditions, alternatives, the rule). "Under
 * review" is not a decision: it goes as an ordinary reply. On an email case with the notification
 * switched off, the message still goes out as a plain reply, since mail is that customer's channel.
 */
export async function notifyDecisionMade(deps: Deps, workspaceId: string, communicationId: string) {
  const co = await tq.communicationForNotice(deps.db, workspaceId, communicationId);
  if (!co?.message_id || co.message_body === null) return { sent: false, why: 'not_applicable' } as const;
  if (co.outcome === 'needs_authorisation') return asReply(deps, workspaceId, co.message_id);
  const outcome = await queueNotice(deps, {
    workspaceId,
    caseId: co.case_id,
    kind: 'decision_made',
    causeKey: `decision_made:${communicationId}`,
    messageId: co.message_id,
    values: { ...(co.sender_name ? { 'agent.name': co.sender_name } : {}), 'decision.text': co.message_body },
  });
  if (!outcome.sent && outcome.why === 'disabled') {
    const c = await tq.caseForNotice(deps.db, workspaceId, co.case_id);
    if (c?.channel === 'email') await queueReply(deps, workspaceId, co.message_id);
  }
  return outcome;
}

async function asReply(deps: Deps, workspaceId: string, messageId: string) {
  const replied = await queueReply(deps, workspaceId, messageId);
  if (replied) return { sent: true, outgoing_id: replied } as const;
  return notifyAgentReplied(deps, workspaceId, messageId);
}
