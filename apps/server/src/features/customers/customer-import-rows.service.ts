import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { changedFields } from '../../infra/changes.ts';
import type { Executor } from '../../infra/db.ts';
import type { EventActor } from '../../infra/emit.ts';
import { AppError } from '../../infra/errors.ts';
import * as iq from './customer-imports.queries.ts';
import { type ImportRow, importUpdate } from './customer-imports.rules.ts';
import * as q from './customers.queries.ts';
import { createCustomer } from './customers.service.ts';
import { createOrganisation } from './organisations.service.ts';

/** One batch's transaction and what it has learnt; the cache dies with the batch. */
export type BatchContext = {
  deps: Deps;
  trx: Executor;
  workspaceId: string;
  by: EventActor;
  organisations: Map<string, string>;
};

/** The organisation a row names, matched by name (case-insensitively) or created. */
async function organisationId(ctx: BatchContext, name: string): Promise<string> {
  const key = name.toLowerCase();
  const known = ctx.organisations.get(key);
  if (known) return known;
  let id = await iq.findOrganisationIdByName(ctx.trx, ctx.workspaceId, name);
  if (!id) {
    try {
      id = (await createOrganisation(ctx.deps, ctx.trx, ctx.workspaceId, { name }, ctx.by)).id;
    } catch (err) {
      // Created meanwhile by someone else: theirs is the one.
      id = err instanceof AppError ? await iq.findOrganisationIdByName(ctx.trx, ctx.workspaceId, name) : null;
      if (!id) throw err;
    }
  }
  ctx.organisations.set(key, id);
  return id;
}

async function updateFromRow(ctx: BatchContext, id: string, patch: ReturnType<typeof importUpdate>) {
  const { trx, workspaceId } = ctx;
  await q.lockCustomer(trx, workspaceId, id);
  const before = await q.findCustomer(trx, workspaceId, id);
  if (!before) return;
  const changes = changedFields(before, patch);
  if (Object.keys(changes).length === 0) return;
  const at = ctx.deps.clock.now();
  await q.updateCustomer(trx, id, { ...patch, updated_at: at });
  await emit(trx, { workspaceId, actor: ctx.by, at }, [
    { type: 'customer.updated', data: { customer_id: id, changes, cause: 'import' } },
  ]);
}

/**
 * Applies one valid row: a known address updates that customer (name, and phone, language and
 * organisation when given), a new one creates a customer. Doing it twice changes nothing more.
 */
export async function applyImportRow(ctx: BatchContext, row: ImportRow): Promise<'created' | 'updated'> {
  const orgId = row.organisation ? await organisationId(ctx, row.organisation) : null;
  const existing = await q.findCustomerByAddress(ctx.trx, ctx.workspaceId, row.email);
  if (existing) {
    await updateFromRow(ctx, existing.id, importUpdate(row, orgId));
    return 'updated';
  }
  await createCustomer(
    ctx.deps,
    ctx.trx,
    ctx.workspaceId,
    {
      name: row.name,
      email: row.email,
      phone: row.phone,
      language: row.language ?? 'en',
      notes: row.notes,
      organisation_id: orgId,
    },
    ctx.by,
  );
  return 'created';
}
