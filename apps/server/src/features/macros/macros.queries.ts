import type { MacroChanges } from '@fairdesk/contract';
import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';

const columns = [
  'm.id',
  'm.workspace_id',
  'm.name',
  'm.body',
  'm.kind',
  'm.changes',
  'm.owner_staff_id',
  'm.active',
  'm.usage_count',
  'm.last_used_at',
  'm.created_at',
  'm.updated_at',
  's.name as owner_name',
] as const;

const macrosWithOwner = (db: Executor) =>
  db.selectFrom('macros as m').leftJoin('staff as s', 's.id', 'm.owner_staff_id').select(columns);

export type MacroRow = NonNullable<Awaited<ReturnType<typeof findVisibleMacro>>>;

/** Shared macros and the staff member's own: what they may see and use. */
export const findVisibleMacro = (db: Executor, workspaceId: string, staffId: string | null, id: string) =>
  macrosWithOwner(db)
    .where('m.workspace_id', '=', workspaceId)
    .where('m.id', '=', id)
    .where((eb) =>
      staffId
        ? eb.or([eb('m.owner_staff_id', 'is', null), eb('m.owner_staff_id', '=', staffId)])
        : eb('m.owner_staff_id', 'is', null),
    )
    .executeTakeFirst();

export function listVisibleMacros(
  db: Executor,
  workspaceId: string,
  staffId: string,
  f: { q?: string; scope?: 'shared' | 'personal'; includeInactive: boolean; limit: number },
) {
  let qb = macrosWithOwner(db)
    .where('m.workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('m.owner_staff_id', 'is', null), eb('m.owner_staff_id', '=', staffId)]));
  if (f.scope === 'shared') qb = qb.where('m.owner_staff_id', 'is', null);
  if (f.scope === 'personal') qb = qb.where('m.owner_staff_id', '=', staffId);
  if (!f.includeInactive) qb = qb.where('m.active', '=', true);
  if (f.q) qb = qb.where('m.name', 'ilike', `%${f.q.replace(/[\\%_]/g, '\\$&')}%`);
  return qb
    .orderBy('m.usage_count', 'desc')
    .orderBy(sql`lower(m.name)`)
    .orderBy('m.id')
    .limit(f.limit)
    .execute();
}

export type MacroValues = {
  name: string;
  body: string;
  kind: 'public' | 'internal';
  changes: MacroChanges;
  active: boolean;
};

export const insertMacro = (
  db: Executor,
  m: MacroValues & { workspace_id: string; owner_staff_id: string | null; created_at: Date },
) =>
  db
    .insertInto('macros')
    .values({ ...m, changes: JSON.stringify(m.changes), updated_at: m.created_at })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateMacroRow = (db: Executor, id: string, m: Partial<MacroValues> & { updated_at: Date }) =>
  db
    .updateTable('macros')
    .set({ ...m, changes: m.changes === undefined ? undefined : JSON.stringify(m.changes) })
    .where('id', '=', id)
    .execute();

export const deleteMacroRow = (db: Executor, id: string) =>
  db.deleteFrom('macros').where('id', '=', id).execute();

export const countUse = (db: Executor, id: string, at: Date) =>
  db
    .updateTable('macros')
    .set((eb) => ({ usage_count: eb('usage_count', '+', 1), last_used_at: at }))
    .where('id', '=', id)
    .execute();

/** What placeholders need from a case: its number and subject, its customer, the workspace. */
export const caseForRender = (db: Executor, workspaceId: string, caseId: string, lock = false) => {
  const qb = db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .innerJoin('workspaces as w', 'w.id', 'c.workspace_id')
    .select([
      'c.id',
      'c.number',
      'c.subject',
      'c.tags',
      'cu.name as customer_name',
      'cu.email as customer_email',
      'w.name as workspace_name',
    ])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', '=', caseId);
  // Locked (the case row only) when its tags are about to be rewritten from what we read.
  return (lock ? qb.forUpdate('c') : qb).executeTakeFirst();
};

export const workspaceName = async (db: Executor, workspaceId: string) =>
  (await db.selectFrom('workspaces').select('name').where('id', '=', workspaceId).executeTakeFirstOrThrow())
    .name;

export const staffName = async (db: Executor, workspaceId: string, id: string) =>
  (
    await db
      .selectFrom('staff')
      .select('name')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst()
  )?.name ?? null;

export const teamName = async (db: Executor, workspaceId: string, id: string) =>
  (
    await db
      .selectFrom('teams')
      .select('name')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst()
  )?.name ?? null;
