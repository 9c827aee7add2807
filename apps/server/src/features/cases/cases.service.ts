import type { CaseCreate, CaseStatus, CaseUpdate } from '@fairdesk/contract';
import type { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { type EventType, emit } from '../../events.ts';
import { type Actor, actorRef, type SystemActor } from '../../infra/actor.ts';
import { changedFields } from '../../infra/changes.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { findOrCreateCustomerByEmail, getCustomerInWorkspace } from '../customers/index.ts';
import { assertStaffInWorkspace, assertTeamInWorkspace } from '../staff/index.ts';
import { linkAttachments } from './attachments.queries.ts';
import * as q from './cases.queries.ts';
import { canTransition, statusAfterMessage, statusStamps } from './cases.rules.ts';

type CaseCreateInput = z.output<typeof CaseCreate>;
type CaseUpdateInput = z.output<typeof CaseUpdate>;

const STAFF_ONLY_FIELDS = [
  'priority',
  'tags',
  'channel',
  'customer_id',
  'customer',
  'team_id',
  'assignee_id',
] as const;

async function resolveCustomer(deps: Deps, trx: Executor, actor: Actor, input: CaseCreateInput) {
  if (actor.kind === 'customer') return getCustomerInWorkspace(trx, actor.workspaceId, actor.customerId);
  if (input.customer_id) return getCustomerInWorkspace(trx, actor.workspaceId, input.customer_id);
  if (input.customer)
    return findOrCreateCustomerByEmail(deps, trx, actor.workspaceId, input.customer, actorRef(actor));
  throw new AppError('invalid', 'Say who the case is for: customer_id or customer {email, name}', {
    reason: 'customer_required',
  });
}

/** Opens a case with its first message, as a customer in the portal or staff on their behalf. */
export async function openCase(deps: Deps, actor: Actor, input: CaseCreateInput) {
  if (actor.kind === 'customer') {
    const extra = STAFF_ONLY_FIELDS.filter((f) => input[f] !== undefined);
    if (extra.length) {
      throw new AppError('forbidden', `Customers cannot set ${extra.join(', ')}`, {
        reason: 'field_not_allowed',
      });
    }
  }
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now();
    const customer = await resolveCustomer(deps, trx, actor, input);
    if (input.team_id) await assertTeamInWorkspace(trx, actor.workspaceId, input.team_id);
    if (input.assignee_id) await assertStaffInWorkspace(trx, actor.workspaceId, input.assignee_id);
    // The case number is taken by the insert itself (the workspace's sequence; no lock held).
    const created = await q.insertCase(trx, {
      workspace_id: actor.workspaceId,
      subject: input.subject,
      priority: input.priority ?? 'normal',
      channel: actor.kind === 'customer' ? 'portal' : (input.channel ?? 'api'),
      customer_id: customer.id,
      organisation_id: customer.organisation_id,
      team_id: input.team_id ?? null,
      assignee_id: input.assignee_id ?? null,
      tags: input.tags ?? [],
      message_count: 1,
      last_message_at: at,
      created_at: at,
    });
    const messageId = await writeMessage(trx, actor, created.id, {
      body: input.body,
      visibility: 'public',
      attachment_ids: input.attachment_ids ?? [],
      at,
      // The first message of a case opened by staff is the customer's request, told on their behalf.
      onBehalfOf: actor.kind === 'staff' ? customer.id : null,
    });
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      {
        type: 'case.created',
        case_id: created.id,
        data: {
          number: created.number,
          subject: input.subject,
          channel: actor.kind === 'customer' ? 'portal' : (input.channel ?? 'api'),
          customer_id: customer.id,
        },
      },
      { type: 'message.added', case_id: created.id, data: { message_id: messageId, visibility: 'public' } },
    ]);
    return created;
  });
}

/** Inserts a message and links its uploads; shared by openCase and addMessage. */
export async function writeMessage(
  trx: Executor,
  actor: Actor | SystemActor,
  caseId: string,
  m: {
    body: string;
    visibility: 'public' | 'internal';
    attachment_ids: string[];
    at: Date;
    onBehalfOf?: string | null;
  },
) {
  const asCustomer = actor.kind === 'customer' || Boolean(m.onBehalfOf);
  const { id } = await q.insertMessage(trx, {
    workspace_id: actor.workspaceId,
    case_id: caseId,
    visibility: m.visibility,
    author_kind: asCustomer ? 'customer' : actor.kind,
    author_staff_id: asCustomer ? null : actor.kind === 'staff' ? actor.staffId : null,
    author_customer_id: actor.kind === 'customer' ? actor.customerId : (m.onBehalfOf ?? null),
    body: m.body,
    created_at: m.at,
  });
  // The system writes text only (macros sent by automations); it never uploads.
  if (actor.kind === 'system') return id;
  const uploaderId = actor.kind === 'staff' ? actor.staffId : actor.customerId;
  const linked = await linkAttachments(trx, {
    workspaceId: actor.workspaceId,
    caseId,
    messageId: id,
    ids: m.attachment_ids,
    uploaderId,
  });
  if (linked !== new Set(m.attachment_ids).size) {
    throw new AppError('invalid', 'Some attachments are unknown, already used, or uploaded by someone else', {
      reason: 'unknown_attachment',
    });
  }
  return id;
}

/** Loads a case for a write, locked; a customer only ever reaches their own. */
export async function lockCaseFor(trx: Executor, actor: Actor | SystemActor, id: string) {
  const row = await q.lockCase(trx, actor.workspaceId, id);
  if (!row || (actor.kind === 'customer' && row.customer_id !== actor.customerId)) throw notFound('Case');
  return row;
}

/** Optimistic concurrency: the writer saw an older version; the UI shows what changed first. */
const caseChanged = (seen: number, current: number) =>
  new AppError('conflict', `The case changed since version ${seen}; it is now at ${current}`, {
    reason: 'case_changed',
    details: { version: current },
  });

export async function updateCase(deps: Deps, actor: Actor | SystemActor, id: string, input: CaseUpdateInput) {
  return deps.db.transaction().execute((trx) => updateCaseIn(deps, trx, actor, id, input));
}

/**
 * updateCase in the caller's transaction. The system actor (server code only, e.g. routing and
 * SLA escalation; never a request's actor) may change what staff may. `opts.eventData` is added
 * to the `case.updated` event's data: automations mark their changes with `automation_rule_id`
 * there, so that a rule is never triggered by its own change.
 */
export async function updateCaseIn(
  deps: Deps,
  trx: Executor,
  actor: Actor | SystemActor,
  id: string,
  input: CaseUpdateInput,
  opts: { eventData?: Record<string, unknown> } = {},
) {
  const { version, ...patch } = input;
  if (actor.kind === 'customer' && Object.keys(patch).some((k) => k !== 'status')) {
    throw new AppError('forbidden', 'Customers can only mark their case solved', {
      reason: 'field_not_allowed',
    });
  }
  const row = await lockCaseFor(trx, actor, id);
  if (version !== undefined && version !== row.version) throw caseChanged(version, row.version);
  if (row.status === 'closed')
    throw new AppError('conflict', 'A closed case cannot change', { reason: 'case_closed' });
  const who = actor.kind === 'customer' ? 'customer' : 'staff';
  if (patch.status && !canTransition(row.status, patch.status, who)) {
    throw new AppError('conflict', `A case cannot go from ${row.status} to ${patch.status}`, {
      reason: 'invalid_transition',
    });
  }
  if (patch.team_id) await assertTeamInWorkspace(trx, actor.workspaceId, patch.team_id);
  if (patch.assignee_id) await assertStaffInWorkspace(trx, actor.workspaceId, patch.assignee_id);
  const changes = changedFields(row as Record<string, unknown>, patch);
  if (Object.keys(changes).length === 0) return row;
  const at = deps.clock.now();
  const stamps = patch.status ? statusStamps(row.status, patch.status, at) : {};
  await q.updateCaseRow(trx, id, { ...patch, ...stamps, updated_at: at });
  await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
    { type: 'case.updated', case_id: id, data: { ...opts.eventData, changes } },
  ]);
  return row;
}

/** Adds a public reply or an internal note; replies move the status as the rules say. */
export async function addMessage(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { body: string; visibility: 'public' | 'internal'; attachment_ids: string[]; version?: number },
) {
  return deps.db.transaction().execute((trx) => addMessageIn(deps, trx, actor, caseId, input));
}

/**
 * addMessage in the caller's transaction (macros apply a reply and its field changes together).
 * The system actor writes automatic messages (author kind `system`); `opts.eventData` is added
 * to the events' data, as in updateCaseIn.
 */
export async function addMessageIn(
  deps: Deps,
  trx: Executor,
  actor: Actor | SystemActor,
  caseId: string,
  input: { body: string; visibility: 'public' | 'internal'; attachment_ids: string[]; version?: number },
  opts: { eventData?: Record<string, unknown> } = {},
) {
  const { version, ...message } = input;
  if (actor.kind === 'customer' && input.visibility === 'internal') {
    throw new AppError('forbidden', 'Customers cannot write internal notes', {
      reason: 'internal_note_staff_only',
    });
  }
  const row = await lockCaseFor(trx, actor, caseId);
  if (version !== undefined && version !== row.version) throw caseChanged(version, row.version);
  if (row.status === 'closed' && input.visibility === 'public') {
    throw new AppError('conflict', 'This case is closed; open a new case instead', {
      reason: 'case_closed',
    });
  }
  const at = deps.clock.now();
  const messageId = await writeMessage(trx, actor, caseId, { ...message, at });
  const status: CaseStatus = statusAfterMessage(row.status, {
    author: actor.kind === 'customer' ? 'customer' : 'staff',
    visibility: input.visibility,
  });
  const firstResponse = actor.kind === 'staff' && input.visibility === 'public' && !row.first_response_at;
  await q.updateCaseRow(trx, caseId, {
    message_count: row.message_count + 1,
    last_message_at: at,
    updated_at: at,
    ...(status !== row.status ? { status, ...statusStamps(row.status, status, at) } : {}),
    ...(firstResponse ? { first_response_at: at } : {}),
  });
  const events: { type: EventType; case_id: string; data: Record<string, unknown> }[] = [
    {
      type: 'message.added',
      case_id: caseId,
      data: { ...opts.eventData, message_id: messageId, visibility: input.visibility },
    },
  ];
  if (status !== row.status) {
    events.push({
      type: 'case.updated',
      case_id: caseId,
      data: { ...opts.eventData, changes: { status: [row.status, status] }, cause: 'message' },
    });
  }
  await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, events);
  return messageId;
}
