import type { CaseStatus } from '@fairdesk/contract';
import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { SlaPolicy } from './sla.rules.ts';

export type PolicyValues = Omit<SlaPolicy, 'id'> & { name: string; active: boolean };

// Enum arrays come back from pg as text unless cast: `::text[]` makes them arrays.
const policies = (db: Executor, workspaceId: string) =>
  db
    .selectFrom('sla_policies')
    .select(['id', 'name', 'position', 'conditions', 'targets', 'warn_before_minutes'])
    .select(['raise_priority_on_breach', 'active', 'created_at', 'updated_at'])
    .select(sql<CaseStatus[]>`pause_statuses::text[]`.as('pause_statuses'))
    .where('workspace_id', '=', workspaceId);

/** Every policy of the workspace, in the order they are tried. */
export const listPolicies = (db: Executor, workspaceId: string) =>
  policies(db, workspaceId).orderBy('position').orderBy('created_at').orderBy('id').execute();

export type PolicyRow = Awaited<ReturnType<typeof listPolicies>>[number];

export const findPolicy = (db: Executor, workspaceId: string, id: string) =>
  policies(db, workspaceId).where('id', '=', id).executeTakeFirst();

/** Writers of a workspace's policies go one at a time, so positions stay a clean sequence. */
export const lockPolicies = (trx: Executor, workspaceId: string) =>
  sql`select pg_advisory_xact_lock(hashtextextended(${`sla_policies:${workspaceId}`}, 0))`.execute(trx);

const columns = (v: PolicyValues) => ({
  name: v.name,
  conditions: JSON.stringify(v.conditions),
  targets: JSON.stringify(v.targets),
  pause_statuses: sql<CaseStatus[]>`${v.pause_statuses}::case_status[]`,
  warn_before_minutes: v.warn_before_minutes,
  raise_priority_on_breach: v.raise_priority_on_breach,
  active: v.active,
});

/** A new policy, tried after every existing one. */
export const appendPolicy = (trx: Executor, workspaceId: string, v: PolicyValues, at: Date) =>
  trx
    .insertInto('sla_policies')
    .values({
      ...columns(v),
      workspace_id: workspaceId,
      position: sql<number>`(select coalesce(max(position) + 1, 0) from sla_policies where workspace_id = ${workspaceId})`,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updatePolicy = (trx: Executor, workspaceId: string, id: string, v: PolicyValues, at: Date) =>
  trx
    .updateTable('sla_policies')
    .set({ ...columns(v), updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();

export const deletePolicy = (trx: Executor, workspaceId: string, id: string) =>
  trx
    .deleteFrom('sla_policies')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Positions 0..n-1 in the given order (ordinality counts from 1). */
export async function setPositions(trx: Executor, workspaceId: string, ids: string[], at: Date) {
  if (!ids.length) return;
  await sql`update sla_policies p set position = o.n - 1, updated_at = ${at}
    from unnest(${ids}::uuid[]) with ordinality as o(id, n)
    where p.id = o.id and p.workspace_id = ${workspaceId} and p.position <> o.n - 1`.execute(trx);
}
