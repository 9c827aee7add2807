import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import { changedFields } from '../../infra/changes.ts';
import type { Executor } from '../../infra/db.ts';
import type { EventActor } from '../../infra/emit.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import * as cq from './customers.queries.ts';
import { likeContains, toPage } from './customers.rules.ts';
import { readCursor } from './customers.service.ts';
import * as q from './organisations.queries.ts';

type OrganisationInput = { name: string; domain?: string | null; notes?: string };

const nameTaken = () =>
  new AppError('conflict', 'Another organisation already has this name', {
    reason: 'organisation_name_taken',
  });

async function requireOrganisation(db: Executor, workspaceId: string, id: string) {
  const o = await q.findOrganisation(db, workspaceId, id);
  if (!o) throw notFound('Organisation');
  return o;
}

export async function createOrganisation(
  deps: Deps,
  trx: Executor,
  workspaceId: string,
  input: OrganisationInput,
  by: EventActor,
): Promise<{ id: string; name: string }> {
  const at = deps.clock.now();
  const org = await q.insertOrganisation(trx, {
    workspace_id: workspaceId,
    name: input.name.trim(),
    domain: input.domain?.trim().toLowerCase() || null,
    notes: input.notes ?? '',
    created_at: at,
  });
  if (!org) throw nameTaken();
  await emit(trx, { workspaceId, actor: by, at }, [
    {
      type: 'organisation.created',
      data: { organisation_id: org.id, name: org.name, domain: input.domain ?? null },
    },
  ]);
  return org;
}

export async function addOrganisation(deps: Deps, actor: StaffActor, input: OrganisationInput) {
  return deps.db.transaction().execute(async (trx) => {
    const org = await createOrganisation(deps, trx, actor.workspaceId, input, actorRef(actor));
    return requireOrganisation(trx, actor.workspaceId, org.id);
  });
}

export const getOrganisation = (deps: Deps, actor: StaffActor, id: string) =>
  requireOrganisation(deps.db, actor.workspaceId, id);

export async function listOrganisations(
  deps: Deps,
  actor: StaffActor,
  query: { q?: string; cursor?: string; limit: number },
) {
  const after = readCursor(query.cursor);
  const rows = await q.listOrganisations(deps.db, actor.workspaceId, {
    ...(query.q ? { pattern: likeContains(query.q) } : {}),
    afterName: after === null ? null : String(after.key),
    limit: query.limit,
  });
  return toPage(rows, query.limit, (r) => ({ key: r.sort_name, id: r.id }));
}

/** The organisation's customers, in the same name order and cursor format as the customer list. */
export async function listOrganisationCustomers(
  deps: Deps,
  actor: StaffActor,
  id: string,
  query: { cursor?: string; limit: number },
) {
  const after = readCursor(query.cursor);
  await requireOrganisation(deps.db, actor.workspaceId, id);
  const rows = await cq.listCustomers(deps.db, actor.workspaceId, {
    organisationId: id,
    after,
    limit: query.limit,
  });
  return toPage(rows, query.limit, (r) => ({ key: r.sort_name, id: r.id }));
}

/** Renames race only on the unique name index; its violation becomes the same 409 as a pre-check. */
export async function changeOrganisation(
  deps: Deps,
  actor: StaffActor,
  id: string,
  patch: Partial<OrganisationInput>,
) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await requireOrganisation(trx, actor.workspaceId, id);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return before;
    const at = deps.clock.now();
    await q.updateOrganisation(trx, id, { ...patch, updated_at: at }).catch((err: unknown) => {
      throw q.isUniqueViolation(err) ? nameTaken() : err;
    });
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      { type: 'organisation.updated', data: { organisation_id: id, changes } },
    ]);
    return requireOrganisation(trx, actor.workspaceId, id);
  });
}

/** Deletes the organisation; its customers and cases stay, no longer linked to it. */
export async function removeOrganisation(deps: Deps, actor: StaffActor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await requireOrganisation(trx, actor.workspaceId, id);
    await q.deleteOrganisation(trx, id);
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at: deps.clock.now() }, [
      {
        type: 'organisation.deleted',
        data: { organisation_id: id, name: before.name, customer_count: before.customer_count },
      },
    ]);
  });
}
