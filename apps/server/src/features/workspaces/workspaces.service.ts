import { randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import type { StaffActor } from '../../infra/actor.ts';
import { changedFields } from '../../infra/changes.ts';
import type { Executor } from '../../infra/db.ts';
import * as q from './workspaces.queries.ts';
import { slugify } from './workspaces.rules.ts';

export async function createWorkspace(
  deps: Deps,
  trx: Executor,
  input: { name: string; slug?: string; time_zone?: string; languages?: string[]; is_demo?: boolean },
) {
  const at = deps.clock.now();
  const base = input.slug ?? slugify(input.name);
  const slug = (await q.findWorkspaceBySlug(trx, base))
    ? `${base.slice(0, 50)}-${randomBytes(3).toString('hex')}`
    : base;
  const ws = await q.insertWorkspace(trx, {
    slug,
    name: input.name,
    time_zone: input.time_zone ?? 'Europe/London',
    languages: input.languages ?? ['en'],
    is_demo: input.is_demo ?? false,
    created_at: at,
  });
  await emit(trx, { workspaceId: ws.id, actor: { kind: 'system', id: null }, at }, [
    { type: 'workspace.created', data: { name: ws.name, slug: ws.slug } },
  ]);
  return ws;
}

export const getWorkspace = (deps: Deps, actor: { workspaceId: string }) =>
  q.findWorkspace(deps.db, actor.workspaceId);

export const findDemoWorkspace = (deps: Deps) => q.findDemoWorkspace(deps.db);

export async function updateWorkspace(
  deps: Deps,
  actor: StaffActor,
  patch: { name?: string; time_zone?: string; languages?: string[] },
) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await q.findWorkspace(trx, actor.workspaceId);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return before;
    const at = deps.clock.now();
    const ws = await q.updateWorkspace(trx, actor.workspaceId, { ...patch, updated_at: at });
    await emit(trx, { workspaceId: ws.id, actor: { kind: 'staff', id: actor.staffId }, at }, [
      { type: 'workspace.updated', data: { changes } },
    ]);
    return ws;
  });
}

export { takeCaseNumber } from './workspaces.queries.ts';

/** Marks a workspace as the demo once it is fully seeded (a half-seeded one is never taken for it). */
export const markDemoWorkspace = (deps: Deps, id: string) => q.setDemo(deps.db, id);
