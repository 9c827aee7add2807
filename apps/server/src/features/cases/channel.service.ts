import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import type { CustomerActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { notFound } from '../../infra/errors.ts';
import { takeCaseNumber } from '../workspaces/index.ts';
import { insertAttachment } from './attachments.queries.ts';
import * as q from './cases.queries.ts';
import { safeFilename, statusAfterMessage, statusStamps } from './cases.rules.ts';
import { writeMessage } from './cases.service.ts';

/**
 * Cases written by a channel (email) on the customer's behalf, inside the channel's own
 * transaction, so that storing the case and marking the inbound message processed commit
 * together and a retried job cannot make a second case.
 */
const asCustomer = (workspaceId: string, customerId: string): CustomerActor => ({
  kind: 'customer',
  workspaceId,
  customerId,
  sessionId: '',
});

/** Records a file already in storage as the customer's upload, ready to link to a message. */
export const recordStoredAttachment = (
  trx: Executor,
  a: {
    workspaceId: string;
    customerId: string;
    filename: string;
    contentType: string;
    stored: { key: string; size: number; sha256: string };
    at: Date;
  },
) =>
  insertAttachment(trx, {
    workspace_id: a.workspaceId,
    filename: safeFilename(a.filename),
    content_type: a.contentType,
    size_bytes: a.stored.size,
    sha256: a.stored.sha256,
    storage_key: a.stored.key,
    uploaded_by_kind: 'customer',
    uploaded_by_id: a.customerId,
    created_at: a.at,
  });

export async function openChannelCase(
  deps: Deps,
  trx: Executor,
  c: {
    workspaceId: string;
    customer: { id: string; organisation_id: string | null };
    subject: string;
    body: string;
    channel: 'email' | 'phone' | 'api';
    teamId: string | null;
    attachmentIds: string[];
    data?: Record<string, unknown>;
  },
) {
  const at = deps.clock.now();
  const actor = asCustomer(c.workspaceId, c.customer.id);
  const number = await takeCaseNumber(trx, c.workspaceId);
  const created = await q.insertCase(trx, {
    workspace_id: c.workspaceId,
    number,
    subject: c.subject,
    priority: 'normal',
    channel: c.channel,
    customer_id: c.customer.id,
    organisation_id: c.customer.organisation_id,
    team_id: c.teamId,
    assignee_id: null,
    tags: [],
    message_count: 1,
    last_message_at: at,
    created_at: at,
  });
  const body = { body: c.body, visibility: 'public' as const, attachment_ids: c.attachmentIds, at };
  const messageId = await writeMessage(trx, actor, created.id, body);
  await emit(trx, { workspaceId: c.workspaceId, actor: { kind: 'customer', id: c.customer.id }, at }, [
    {
      type: 'case.created',
      case_id: created.id,
      data: { number, subject: c.subject, channel: c.channel, customer_id: c.customer.id, ...c.data },
    },
    {
      type: 'message.added',
      case_id: created.id,
      data: { message_id: messageId, visibility: 'public', opening: true },
    },
  ]);
  return { id: created.id, number, messageId };
}

/** A customer's reply by a channel; it reopens a pending or solved case as the rules say. */
export async function addChannelMessage(
  deps: Deps,
  trx: Executor,
  m: { workspaceId: string; customerId: string; caseId: string; body: string; attachmentIds: string[] },
) {
  const row = await q.lockCase(trx, m.workspaceId, m.caseId);
  if (!row) throw notFound('Case');
  const at = deps.clock.now();
  const actor = asCustomer(m.workspaceId, m.customerId);
  const body = { body: m.body, visibility: 'public' as const, attachment_ids: m.attachmentIds, at };
  const messageId = await writeMessage(trx, actor, m.caseId, body);
  const status = statusAfterMessage(row.status, { author: 'customer', visibility: 'public' });
  await q.updateCaseRow(trx, m.caseId, {
    message_count: row.message_count + 1,
    last_message_at: at,
    updated_at: at,
    ...(status !== row.status ? { status, ...statusStamps(row.status, status, at) } : {}),
  });
  await emit(trx, { workspaceId: m.workspaceId, actor: { kind: 'customer', id: m.customerId }, at }, [
    { type: 'message.added', case_id: m.caseId, data: { message_id: messageId, visibility: 'public' } },
    ...(status !== row.status
      ? [
          {
            type: 'case.updated' as const,
            case_id: m.caseId,
            data: { changes: { status: [row.status, status] }, cause: 'message' },
          },
        ]
      : []),
  ]);
  return { messageId, status };
}
