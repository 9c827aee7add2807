import type { MacroChanges, MacroCreate, MacroListQuery, MacroUpdate } from '@fairdesk/contract';
import type { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, roleAtLeast, type StaffActor } from '../../infra/actor.ts';
import { changedFields } from '../../infra/changes.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { assertStaffInWorkspace, assertTeamInWorkspace } from '../staff/index.ts';
import { canEditMacro, presentMacro } from './macros.present.ts';
import * as q from './macros.queries.ts';
import { checkMacro } from './macros.rules.ts';

type CreateInput = z.output<typeof MacroCreate>;
type UpdateInput = z.output<typeof MacroUpdate>;

const nameTaken = () =>
  new AppError('conflict', 'You already have a macro with that name here', { reason: 'macro_name_taken' });

const isUniqueViolation = (err: unknown) => (err as { code?: unknown } | null)?.code === '23505';

/** A name clash is the only unique key a macro write can break; it aborts the transaction. */
async function mapNameClash<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    throw isUniqueViolation(err) ? nameTaken() : err;
  }
}

/** The rules' verdict plus the ids in the changes, which must be this workspace's. */
async function assertValid(trx: Executor, workspaceId: string, m: { body: string; changes: MacroChanges }) {
  const verdict = checkMacro(m);
  if (!verdict.ok) {
    throw new AppError('invalid', verdict.message, { reason: verdict.reason, details: verdict.details });
  }
  if (m.changes.team_id) await assertTeamInWorkspace(trx, workspaceId, m.changes.team_id);
  if (m.changes.assignee_id && m.changes.assignee_id !== 'me')
    await assertStaffInWorkspace(trx, workspaceId, m.changes.assignee_id);
}

/** A macro this staff member may see (shared, or their own); anyone else's is not found. */
export async function loadVisibleMacro(db: Executor, actor: StaffActor, id: string) {
  const row = await q.findVisibleMacro(db, actor.workspaceId, actor.staffId, id);
  if (!row) throw notFound('Macro');
  return row;
}

async function loadEditableMacro(db: Executor, actor: StaffActor, id: string) {
  const row = await loadVisibleMacro(db, actor, id);
  if (!canEditMacro(row, actor)) {
    throw new AppError('forbidden', 'Shared macros are changed by supervisors and up', {
      reason: 'role_required',
    });
  }
  return row;
}

export async function listMacros(deps: Deps, actor: StaffActor, f: z.output<typeof MacroListQuery>) {
  const rows = await q.listVisibleMacros(deps.db, actor.workspaceId, actor.staffId, {
    q: f.q || undefined,
    scope: f.scope,
    includeInactive: f.include_inactive,
    limit: f.limit,
  });
  return { items: rows.map((r) => presentMacro(r, actor)) };
}

export async function getMacro(deps: Deps, actor: StaffActor, id: string) {
  return presentMacro(await loadVisibleMacro(deps.db, actor, id), actor);
}

/** Saves a shared macro (supervisors and up) or a personal one (anyone, for themselves). */
export async function createMacro(deps: Deps, actor: StaffActor, input: CreateInput) {
  if (input.scope === 'shared' && !roleAtLeast(actor.role, 'supervisor')) {
    throw new AppError('forbidden', 'Shared macros are made by supervisors and up; save it as yours', {
      reason: 'role_required',
    });
  }
  const id = await mapNameClash(
    deps.db.transaction().execute(async (trx) => {
      await assertValid(trx, actor.workspaceId, input);
      const at = deps.clock.now();
      const { scope, ...values } = input;
      const created = await q.insertMacro(trx, {
        ...values,
        workspace_id: actor.workspaceId,
        owner_staff_id: scope === 'personal' ? actor.staffId : null,
        created_at: at,
      });
      await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
        { type: 'macro.created', data: { macro_id: created.id, name: input.name, scope } },
      ]);
      return created.id;
    }),
  );
  return getMacro(deps, actor, id);
}

export async function updateMacro(deps: Deps, actor: StaffActor, id: string, input: UpdateInput) {
  await mapNameClash(
    deps.db.transaction().execute(async (trx) => {
      const row = await loadEditableMacro(trx, actor, id);
      const next = { body: input.body ?? row.body, changes: input.changes ?? (row.changes as MacroChanges) };
      await assertValid(trx, actor.workspaceId, next);
      const changes = changedFields(row as Record<string, unknown>, input);
      if (Object.keys(changes).length === 0) return;
      const at = deps.clock.now();
      await q.updateMacroRow(trx, id, { ...input, updated_at: at });
      await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
        { type: 'macro.updated', data: { macro_id: id, changes: Object.keys(changes) } },
      ]);
    }),
  );
  return getMacro(deps, actor, id);
}

export async function deleteMacro(deps: Deps, actor: StaffActor, id: string) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadEditableMacro(trx, actor, id);
    await q.deleteMacroRow(trx, id);
    const at = deps.clock.now();
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      { type: 'macro.deleted', data: { macro_id: id, name: row.name } },
    ]);
  });
}
