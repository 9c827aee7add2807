import { randomUUIDv7 } from 'node:crypto';
import type { CasePriority, CaseStatus } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import { type EventType, recordEvents } from '../../events.ts';
import { type Actor, actorRef, type SystemActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import type { CaseChannel } from '../../infra/db.types.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { getCustomerInWorkspace } from '../customers/index.ts';
import { linkAttachments } from './attachments.queries.ts';
import { insertCaseWithMessage } from './case-open.queries.ts';
import { type findCaseForMessage, insertMessageUpdatingCase } from './case-write.queries.ts';
import type { MessageRow } from './cases.present.ts';
import { statusAfterMessage, statusStamps } from './cases.rules.ts';

// The steps openCase and addMessage share with their one-statement writes (case-open.queries.ts,
// case-write.queries.ts).

/** The columns a write to a case decides on (the locked row has them all). */
type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseForMessage>>>;
export type MessageInput = {
  body: string;
  visibility: 'public' | 'internal';
  attachment_ids: string[];
  version?: number;
};

/** Who a message is by: staff opening a case write the customer's request on their behalf. */
export function messageAuthor(actor: Actor | SystemActor, onBehalfOf: string | null = null) {
  const asCustomer = actor.kind === 'customer' || Boolean(onBehalfOf);
  return {
    author_kind: asCustomer ? ('customer' as const) : actor.kind,
    author_staff_id: asCustomer ? null : actor.kind === 'staff' ? actor.staffId : null,
    author_customer_id: actor.kind === 'customer' ? actor.customerId : onBehalfOf,
  };
}

/** Links the uploads a message names; all of them must be the writer's own and unused. */
export async function linkUploads(
  trx: Executor,
  actor: Actor | SystemActor,
  caseId: string,
  messageId: string,
  ids: string[],
) {
  // The system writes text only (macros sent by automations); it never uploads.
  if (actor.kind === 'system') return;
  const uploaderId = actor.kind === 'staff' ? actor.staffId : actor.customerId;
  const linked = await linkAttachments(trx, {
    workspaceId: actor.workspaceId,
    caseId,
    messageId,
    ids,
    uploaderId,
  });
  if (linked !== new Set(ids).size) {
    throw new AppError('invalid', 'Some attachments are unknown, already used, or uploaded by someone else', {
      reason: 'unknown_attachment',
    });
  }
}

/** A case row as this actor may write to it: a customer only ever reaches their own. */
export function caseFor<Row extends { customer_id: string }>(
  actor: Actor | SystemActor,
  row: Row | undefined,
): Row {
  if (!row || (actor.kind === 'customer' && row.customer_id !== actor.customerId)) throw notFound('Case');
  return row;
}

/** Optimistic concurrency: the writer saw an older version; the UI shows what changed first. */
export const caseChanged = (seen: number, current: number) =>
  new AppError('conflict', `The case changed since version ${seen}; it is now at ${current}`, {
    reason: 'case_changed',
    details: { version: current },
  });

/**
 * Opens a case with its first message and events in one statement, the customer checked in it;
 * the caller has checked the team and assignee. Uploads are linked after it (in the caller's
 * transaction: a refused upload must undo the case).
 */
export async function writeOpenedCase(
  deps: Deps,
  db: Executor,
  actor: Actor,
  c: {
    customerId: string;
    subject: string;
    body: string;
    priority: CasePriority;
    channel: CaseChannel;
    team_id: string | null;
    assignee_id: string | null;
    tags: string[];
    attachment_ids: string[];
  },
) {
  const at = deps.clock.now();
  // Time-ordered ids (UUIDv7, as the tables' defaults since 20261123T2100): a new row's key lands
  // at the end of each index on it, not on a random page.
  const caseId = randomUUIDv7();
  const messageId = randomUUIDv7();
  // case.created's `number` is put in by the statement, which takes it (case-write.queries.ts).
  const events = recordEvents({ workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
    {
      type: 'case.created',
      case_id: caseId,
      data: { subject: c.subject, channel: c.channel, customer_id: c.customerId },
    },
    {
      type: 'message.added',
      case_id: caseId,
      data: { message_id: messageId, visibility: 'public', opening: true },
    },
  ]);
  const created = await insertCaseWithMessage(db, {
    id: caseId,
    workspace_id: actor.workspaceId,
    subject: c.subject,
    priority: c.priority,
    channel: c.channel,
    customer_id: c.customerId,
    team_id: c.team_id,
    assignee_id: c.assignee_id,
    tags: c.tags,
    at,
    message: { id: messageId, body: c.body },
    events,
  });
  if (!created) {
    // The statement wrote nothing: the customer is not this workspace's; say so as the customers feature does.
    await getCustomerInWorkspace(db, actor.workspaceId, c.customerId);
    throw new Error(`customer ${c.customerId} exists, but the case insert found none`);
  }
  if (c.attachment_ids.length > 0) {
    await linkUploads(db, actor, caseId, messageId, c.attachment_ids);
    // The answer must show the uploads: the route reads the case back.
    return { id: created.id, number: created.number, view: null };
  }
  return { id: created.id, number: created.number, view: created };
}

/**
 * Writes a message on a case as read at `row` (locked by the caller, or read and then checked by
 * version in the write): the message, the case's new count, status and stamps, and the events, in
 * one statement. Returns the message as written (with its authors' names), or null when the case
 * changed since `row` was read.
 */
export async function writeMessageOn(
  deps: Deps,
  db: Executor,
  actor: Actor | SystemActor,
  row: CaseRow,
  input: MessageInput,
  opts: { eventData?: Record<string, unknown> },
) {
  if (input.version !== undefined && input.version !== row.version)
    throw caseChanged(input.version, row.version);
  if (row.status === 'closed' && input.visibility === 'public') {
    throw new AppError('conflict', 'This case is closed; open a new case instead', {
      reason: 'case_closed',
    });
  }
  const at = deps.clock.now();
  const messageId = randomUUIDv7();
  const status: CaseStatus = statusAfterMessage(row.status, {
    author: actor.kind === 'customer' ? 'customer' : 'staff',
    visibility: input.visibility,
  });
  const firstResponse = actor.kind === 'staff' && input.visibility === 'public' && !row.first_response_at;
  const events: { type: EventType; case_id: string; data: Record<string, unknown> }[] = [
    {
      type: 'message.added',
      case_id: row.id,
      data: { ...opts.eventData, message_id: messageId, visibility: input.visibility },
    },
  ];
  if (status !== row.status) {
    events.push({
      type: 'case.updated',
      case_id: row.id,
      data: { ...opts.eventData, changes: { status: [row.status, status] }, cause: 'message' },
    });
  }
  const written = await insertMessageUpdatingCase(db, {
    workspace_id: actor.workspaceId,
    case_id: row.id,
    version: row.version,
    patch: {
      message_count: row.message_count + 1,
      last_message_at: at,
      updated_at: at,
      ...(status !== row.status ? { status, ...statusStamps(row.status, status, at) } : {}),
      ...(firstResponse ? { first_response_at: at } : {}),
    },
    message: {
      id: messageId,
      visibility: input.visibility,
      ...messageAuthor(actor),
      body: input.body,
      created_at: at,
    },
    events: recordEvents({ workspaceId: actor.workspaceId, actor: actorRef(actor), at }, events),
  });
  if (!written) return null;
  const { recorded: _recorded, ...message } = written;
  return { ...message, workspace_name: message.workspace_name ?? '' } satisfies MessageRow;
}
