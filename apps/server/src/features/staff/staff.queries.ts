import type { StaffRole } from '@fairdesk/contract';
import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';

const STAFF_COLUMNS = [
  'id',
  'email',
  'name',
  'role',
  'active',
  'created_at',
  'updated_at',
  // Never the hash itself: only whether there is one.
  sql<boolean>`password_hash is null`.as('invitation_pending'),
] as const;

/** Inserts unless the email is taken in the workspace; then returns undefined (no aborted transaction). */
export const insertStaff = (
  db: Executor,
  row: {
    workspace_id: string;
    email: string;
    name: string;
    role: StaffRole;
    password_hash: string | null;
    created_at: Date;
  },
) =>
  db
    .insertInto('staff')
    .values({ ...row, updated_at: row.created_at })
    .onConflict((oc) => oc.columns(['workspace_id', 'email']).doNothing())
    .returning(['id', 'email', 'name', 'role'])
    .executeTakeFirst();

export const findStaff = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('staff')
    .select(STAFF_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** The row as it is now, held until the transaction ends so concurrent edits queue up. */
export const lockStaff = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('staff')
    .select(STAFF_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const findActiveStaff = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('staff')
    .select(['id', 'name', 'role'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();

export type StaffFilter = { active?: boolean; role?: StaffRole; team_id?: string };

export const listStaff = (db: Executor, workspaceId: string, filter: StaffFilter, limit: number) => {
  let query = db.selectFrom('staff').select(STAFF_COLUMNS).where('workspace_id', '=', workspaceId);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.team_id) {
    const teamId = filter.team_id;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('team_members as tm')
          .select('tm.staff_id')
          .whereRef('tm.staff_id', '=', 'staff.id')
          .where('tm.team_id', '=', teamId),
      ),
    );
  }
  return query.orderBy('name').orderBy('id').limit(limit).execute();
};

/** Of the given ids, those that are staff of the workspace (active or not). */
export const existingStaffIds = async (db: Executor, workspaceId: string, ids: string[]) =>
  ids.length === 0
    ? []
    : (
        await db
          .selectFrom('staff')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => r.id);

/**
 * Locks the workspace's active admins, always in id order, so that two admins demoting each other
 * at once queue up instead of both seeing "another admin remains" (or deadlocking).
 */
export const lockActiveAdmins = (db: Executor, workspaceId: string) =>
  db
    .selectFrom('staff')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .orderBy('id')
    .forUpdate()
    .execute();

export const updateStaff = (
  db: Executor,
  workspaceId: string,
  id: string,
  patch: { name?: string; role?: StaffRole; active?: boolean; password_hash?: string; updated_at: Date },
) =>
  db
    .updateTable('staff')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
