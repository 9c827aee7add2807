import type { CaseCreate, CaseUpdate } from '@fairdesk/contract';
import type { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { type Actor, actorRef, type SystemActor } from '../../infra/actor.ts';
import { changedFields } from '../../infra/changes.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError } from '../../infra/errors.ts';
import { findOrCreateCustomerByEmail, getCustomerInWorkspace } from '../customers/index.ts';
import { assertStaffInWorkspace, assertTeamInWorkspace } from '../staff/index.ts';
import { findCaseForMessage } from './case-write.queries.ts';
import {
  caseChanged,
  caseFor,
  linkUploads,
  type MessageInput,
  messageAuthor,
  writeMessageOn,
  writeOpenedCase,
} from './case-write.service.ts';
import type { MessageRow } from './cases.present.ts';
import * as q from './cases.queries.ts';
import { canTransition, statusStamps } from './cases.rules.ts';

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

/** The customer a case is for, when no write is needed to know it. */
function customerIdOf(actor: Actor, input: CaseCreateInput): string | undefined {
  if (actor.kind === 'customer') return actor.customerId;
  return input.customer_id;
}

const customerRequired = () =>
  new AppError('invalid', 'Say who the case is for: customer_id or customer {email, name}', {
    reason: 'customer_required',
  });

/**
 * Opens a case with its first message, as a customer in the portal or staff on their behalf. The
 * common case (a known customer, no uploads) is one statement and needs no transaction; a customer
 * given by address (who may have to be created) or uploads (a refused one undoes the case) take one.
 */
export async function openCase(deps: Deps, actor: Actor, input: CaseCreateInput) {
  if (actor.kind === 'customer') {
    const extra = STAFF_ONLY_FIELDS.filter((f) => input[f] !== undefined);
    if (extra.length) {
      throw new AppError('forbidden', `Customers cannot set ${extra.join(', ')}`, {
        reason: 'field_not_allowed',
      });
    }
  }
  const known = customerIdOf(actor, input);
  const attachmentIds = input.attachment_ids ?? [];
  if (known && attachmentIds.length === 0) return openCaseFor(deps, deps.db, actor, input, known);
  if (!known && !input.customer) throw customerRequired();
  return deps.db.transaction().execute(async (trx) => {
    const customerId =
      known ??
      (await findOrCreateCustomerByEmail(deps, trx, actor.workspaceId, input.customer!, actorRef(actor))).id;
    return openCaseFor(deps, trx, actor, input, customerId);
  });
}

async function openCaseFor(
  deps: Deps,
  db: Executor,
  actor: Actor,
  input: CaseCreateInput,
  customerId: string,
) {
  // Checked in this order, as the answer names the first problem; the customer is checked by the
  // write itself when nothing else needs checking.
  if (input.team_id || input.assignee_id) await getCustomerInWorkspace(db, actor.workspaceId, customerId);
  if (input.team_id) await assertTeamInWorkspace(db, actor.workspaceId, input.team_id);
  if (input.assignee_id) await assertStaffInWorkspace(db, actor.workspaceId, input.assignee_id);
  // The case number is taken by the insert itself (the workspace's sequence; no lock held).
  return writeOpenedCase(deps, db, actor, {
    customerId,
    subject: input.subject,
    body: input.body,
    priority: input.priority ?? 'normal',
    channel: actor.kind === 'customer' ? 'portal' : (input.channel ?? 'api'),
    team_id: input.team_id ?? null,
    assignee_id: input.assignee_id ?? null,
    tags: input.tags ?? [],
    attachment_ids: input.attachment_ids ?? [],
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
  const { id } = await q.insertMessage(trx, {
    workspace_id: actor.workspaceId,
    case_id: caseId,
    visibility: m.visibility,
    ...messageAuthor(actor, m.onBehalfOf),
    body: m.body,
    created_at: m.at,
  });
  await linkUploads(trx, actor, caseId, id, m.attachment_ids);
  return id;
}

/** Loads a case for a write, locked; a customer only ever reaches their own. */
export async function lockCaseFor(trx: Executor, actor: Actor | SystemActor, id: string) {
  return caseFor(actor, await q.lockCase(trx, actor.workspaceId, id));
}

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

function assertMayWrite(actor: Actor | SystemActor, input: MessageInput) {
  if (actor.kind === 'customer' && input.visibility === 'internal') {
    throw new AppError('forbidden', 'Customers cannot write internal notes', {
      reason: 'internal_note_staff_only',
    });
  }
}

/**
 * Adds a public reply or an internal note; replies move the status as the rules say. Without
 * uploads it needs no transaction: it reads the case, decides, and writes everything in one
 * statement that applies only if the case is still at the version read. If someone changed the
 * case in between, it queues for the case's row lock like any writer: on a busy case that is
 * cheaper than reading and trying again. With uploads it takes a transaction from the start, as a
 * refused upload must undo the message.
 */
export async function addMessage(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: MessageInput,
): Promise<{ id: string; written: MessageRow | null }> {
  if (input.attachment_ids.length === 0) {
    assertMayWrite(actor, input);
    const row = caseFor(actor, await findCaseForMessage(deps.db, actor.workspaceId, caseId));
    const written = await writeMessageOn(deps, deps.db, actor, row, input, {});
    // The message as written, with no uploads to add: the answer needs no read (cases.routes.ts).
    if (written) return { id: written.id, written };
  }
  const id = await deps.db.transaction().execute((trx) => addMessageIn(deps, trx, actor, caseId, input));
  return { id, written: null };
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
  input: MessageInput,
  opts: { eventData?: Record<string, unknown> } = {},
) {
  assertMayWrite(actor, input);
  const row = await lockCaseFor(trx, actor, caseId);
  const written = await writeMessageOn(deps, trx, actor, row, input, opts);
  // The row is locked: its version cannot have moved.
  if (!written) throw new Error(`case ${caseId} changed under its row lock`);
  await linkUploads(trx, actor, caseId, written.id, input.attachment_ids);
  return written.id;
}
