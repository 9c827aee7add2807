import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import { changedFields } from '../../infra/changes.ts';
import type { Executor } from '../../infra/db.ts';
import type { EventActor } from '../../infra/emit.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import * as q from './customers.queries.ts';
import {
  addressDiff,
  addressesAfterUpdate,
  addressSet,
  type Cursor,
  decodeCursor,
  emailDomain,
  nameFromAddress,
  normaliseAddress,
  organisationForDomain,
  searchPlan,
  toPage,
} from './customers.rules.ts';
import * as oq from './organisations.queries.ts';

export type CustomerInput = {
  name: string;
  email: string;
  emails?: string[];
  phone?: string | null;
  language?: string;
  notes?: string;
  organisation_id?: string | null;
  passwordHash?: string;
};
export type CustomerRef = { id: string; name: string; email: string; organisation_id: string | null };

export const emailTaken = (emails: readonly string[]) =>
  new AppError('conflict', `Another customer already uses ${emails.join(', ')}`, {
    reason: 'email_taken',
    details: { emails },
  });

export const unknownOrganisation = () =>
  new AppError('invalid', 'There is no such organisation in this workspace', {
    reason: 'unknown_organisation',
  });

/** The organisation a new customer joins: the one named, else the one owning the address's domain. */
async function organisationFor(trx: Executor, workspaceId: string, email: string, id?: string | null) {
  if (id) {
    const org = await oq.findOrganisationRef(trx, workspaceId, id);
    if (!org) throw unknownOrganisation();
    return org.id;
  }
  const domain = emailDomain(email);
  if (!domain) return null;
  return (
    organisationForDomain(await oq.findOrganisationsByDomain(trx, workspaceId, domain), email)?.id ?? null
  );
}

/**
 * Inserts the customer, then claims its addresses. When another customer holds (or is concurrently
 * claiming) one of them, the new row is removed again so the caller's transaction stays clean,
 * and the taken addresses are returned.
 */
async function insertWithAddresses(
  deps: Deps,
  trx: Executor,
  workspaceId: string,
  input: CustomerInput,
): Promise<{ ok: true; customer: CustomerRef } | { ok: false; taken: string[] }> {
  const at = deps.clock.now();
  const emails = addressSet(input.email, input.emails);
  const customer = await q.insertCustomer(trx, {
    workspace_id: workspaceId,
    organisation_id: await organisationFor(trx, workspaceId, emails[0]!, input.organisation_id),
    name: input.name.trim().slice(0, 200),
    email: emails[0]!,
    phone: input.phone ?? null,
    language: input.language ?? 'en',
    notes: input.notes ?? '',
    password_hash: input.passwordHash ?? null,
    created_at: at,
  });
  const claimed = new Set(await q.claimAddresses(trx, workspaceId, customer.id, emails, at));
  if (claimed.size === emails.length) return { ok: true, customer };
  await q.deleteUncommittedCustomer(trx, customer.id);
  return { ok: false, taken: emails.filter((e) => !claimed.has(e)) };
}

const announce = (deps: Deps, trx: Executor, workspaceId: string, c: CustomerRef, by: EventActor) =>
  emit(trx, { workspaceId, actor: by, at: deps.clock.now() }, [
    {
      type: 'customer.created',
      data: { customer_id: c.id, name: c.name, email: c.email, organisation_id: c.organisation_id },
    },
  ]);

export async function createCustomer(
  deps: Deps,
  trx: Executor,
  workspaceId: string,
  input: CustomerInput,
  by: EventActor,
): Promise<CustomerRef> {
  const made = await insertWithAddresses(deps, trx, workspaceId, input);
  if (!made.ok) throw emailTaken(made.taken);
  await announce(deps, trx, workspaceId, made.customer, by);
  return made.customer;
}

/**
 * The customer writing from this address, created if new. Two transactions creating the same
 * address race on the customer_emails key: the loser waits, backs out its own row and reads the
 * winner's. Call it before emitting other events in the transaction, so the loser does not hold
 * the workspace's event chain while it waits.
 */
export async function findOrCreateCustomerByEmail(
  deps: Deps,
  trx: Executor,
  workspaceId: string,
  input: { email: string; name?: string },
  by: EventActor,
): Promise<{ id: string; organisation_id: string | null }> {
  const email = normaliseAddress(input.email);
  const found = await q.findCustomerByAddress(trx, workspaceId, email);
  if (found) return { id: found.id, organisation_id: found.organisation_id };
  const name = input.name?.trim() || nameFromAddress(email);
  const made = await insertWithAddresses(deps, trx, workspaceId, { name, email });
  if (made.ok) {
    await announce(deps, trx, workspaceId, made.customer, by);
    return { id: made.customer.id, organisation_id: made.customer.organisation_id };
  }
  const winner = await q.findCustomerByAddress(trx, workspaceId, email);
  if (!winner) throw new Error(`customer_emails held ${email} but no customer was readable`);
  return { id: winner.id, organisation_id: winner.organisation_id };
}

export async function getCustomerInWorkspace(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<CustomerRef> {
  const c = await q.findCustomerRef(db, workspaceId, id);
  if (!c) {
    throw new AppError('invalid', 'There is no such customer in this workspace', {
      reason: 'unknown_customer',
    });
  }
  return c;
}

/** A cursor the client sent back; one we did not make is a 400, not an empty page. */
export function readCursor(raw: string | undefined): Cursor | null {
  if (raw === undefined) return null;
  const cursor = decodeCursor(raw);
  if (!cursor)
    throw new AppError('invalid', 'This cursor is not one we issued', { reason: 'invalid_cursor' });
  return cursor;
}

async function requireCustomer(db: Executor, workspaceId: string, id: string) {
  const c = await q.findCustomer(db, workspaceId, id);
  if (!c) throw notFound('Customer');
  return c;
}

export async function addCustomer(deps: Deps, actor: StaffActor, input: CustomerInput) {
  return deps.db.transaction().execute(async (trx) => {
    const made = await createCustomer(deps, trx, actor.workspaceId, input, actorRef(actor));
    return requireCustomer(trx, actor.workspaceId, made.id);
  });
}

export const getCustomer = (deps: Deps, actor: StaffActor, id: string) =>
  requireCustomer(deps.db, actor.workspaceId, id);

export type CustomerQuery = { q?: string; organisation_id?: string; cursor?: string; limit: number };

export async function listCustomers(deps: Deps, actor: StaffActor, query: CustomerQuery) {
  const plan = searchPlan(query.q);
  const rows = await q.listCustomers(deps.db, actor.workspaceId, {
    ...(plan.kind === 'address' ? { address: plan.email } : {}),
    ...(plan.kind === 'text' ? { pattern: plan.pattern } : {}),
    ...(query.organisation_id ? { organisationId: query.organisation_id } : {}),
    after: readCursor(query.cursor),
    limit: query.limit,
  });
  return toPage(rows, query.limit, (r) => ({ key: r.sort_name, id: r.id }));
}

export async function listCustomerCases(
  deps: Deps,
  actor: StaffActor,
  id: string,
  query: { cursor?: string; limit: number },
) {
  const after = readCursor(query.cursor);
  await requireCustomer(deps.db, actor.workspaceId, id);
  const rows = await q.listCustomerCases(deps.db, actor.workspaceId, id, { after, limit: query.limit });
  return toPage(rows, query.limit, (r) => ({ key: r.sort_us, id: r.id }));
}

export type CustomerPatch = Partial<Omit<CustomerInput, 'passwordHash'>>;

/**
 * Changes a customer and keeps customer_emails in step. Everything happens in one transaction,
 * so a 409 on a taken address leaves the customer exactly as it was.
 */
export async function changeCustomer(deps: Deps, actor: StaffActor, id: string, patch: CustomerPatch) {
  return deps.db.transaction().execute(async (trx) => {
    const ws = actor.workspaceId;
    if (!(await q.lockCustomer(trx, ws, id))) throw notFound('Customer');
    const before = await requireCustomer(trx, ws, id);
    if (patch.organisation_id && !(await oq.findOrganisationRef(trx, ws, patch.organisation_id))) {
      throw unknownOrganisation();
    }
    const { emails: _emails, email: _email, ...fields } = patch;
    const next = addressesAfterUpdate(before, patch);
    const diff = addressDiff(before.emails, next.emails);
    const changes = changedFields(before, { ...fields, email: next.email });
    // Addresses are compared as sets: their stored order says nothing.
    if (diff.add.length || diff.remove.length) changes.emails = [before.emails, next.emails];
    if (Object.keys(changes).length === 0) return before;

    const at = deps.clock.now();
    await q.releaseAddresses(trx, id, diff.remove);
    const claimed = new Set(await q.claimAddresses(trx, ws, id, diff.add, at));
    if (claimed.size < diff.add.length) throw emailTaken(diff.add.filter((e) => !claimed.has(e)));
    await q.updateCustomer(trx, id, { ...fields, email: next.email, updated_at: at });
    await emit(trx, { workspaceId: ws, actor: actorRef(actor), at }, [
      { type: 'customer.updated', data: { customer_id: id, changes } },
    ]);
    return requireCustomer(trx, ws, id);
  });
}
