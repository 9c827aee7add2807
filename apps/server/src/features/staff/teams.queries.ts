import type { Executor } from '../../infra/db.ts';

const TEAM_COLUMNS = ['id', 'name', 'description', 'created_at', 'updated_at'] as const;

/** Inserts unless the name is taken (case-insensitively) in the workspace; then returns undefined. */
export const insertTeam = (
  db: Executor,
  row: { workspace_id: string; name: string; description: string; created_at: Date },
) =>
  db
    .insertInto('teams')
    .values({ ...row, updated_at: row.created_at })
    .onConflict((oc) => oc.doNothing())
    .returning(TEAM_COLUMNS)
    .executeTakeFirst();

export const findTeam = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('teams')
    .select(TEAM_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const lockTeam = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('teams')
    .select(TEAM_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const listTeams = (db: Executor, workspaceId: string, limit: number) =>
  db
    .selectFrom('teams')
    .select(TEAM_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute();

/** Of the given ids, those that are teams of the workspace. */
export const existingTeamIds = async (db: Executor, workspaceId: string, ids: string[]) =>
  ids.length === 0
    ? []
    : (
        await db
          .selectFrom('teams')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => r.id);

/** Plain update; a name clash surfaces as a unique violation (23505) that the service maps. */
export const updateTeam = (
  db: Executor,
  workspaceId: string,
  id: string,
  patch: { name?: string; description?: string; updated_at: Date },
) =>
  db
    .updateTable('teams')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returning(TEAM_COLUMNS)
    .executeTakeFirstOrThrow();

/** Memberships go with the team (on delete cascade); cases keep the case but lose the team. */
export const deleteTeam = (db: Executor, workspaceId: string, id: string) =>
  db.deleteFrom('teams').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const addMemberships = async (
  db: Executor,
  workspaceId: string,
  pairs: { team_id: string; staff_id: string }[],
) => {
  if (pairs.length === 0) return;
  await db
    .insertInto('team_members')
    .values(pairs.map((p) => ({ ...p, workspace_id: workspaceId })))
    .onConflict((oc) => oc.columns(['team_id', 'staff_id']).doNothing())
    .execute();
};

export const removeTeamMembers = async (db: Executor, teamId: string, staffIds: string[]) => {
  if (staffIds.length === 0) return;
  await db
    .deleteFrom('team_members')
    .where('team_id', '=', teamId)
    .where('staff_id', 'in', staffIds)
    .execute();
};

export const removeStaffFromTeams = async (db: Executor, staffId: string, teamIds: string[]) => {
  if (teamIds.length === 0) return;
  await db
    .deleteFrom('team_members')
    .where('staff_id', '=', staffId)
    .where('team_id', 'in', teamIds)
    .execute();
};

/** Member ids of the given teams, in a stable order. */
export const membersOfTeams = (db: Executor, teamIds: string[]) =>
  teamIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('team_members')
        .select(['team_id', 'staff_id'])
        .where('team_id', 'in', teamIds)
        .orderBy('staff_id')
        .execute();

/** Team refs of the given staff, by team name. */
export const teamsOfStaff = (db: Executor, staffIds: string[]) =>
  staffIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('team_members as tm')
        .innerJoin('teams', 'teams.id', 'tm.team_id')
        .select(['tm.staff_id', 'teams.id', 'teams.name'])
        .where('tm.staff_id', 'in', staffIds)
        .orderBy('teams.name')
        .orderBy('teams.id')
        .execute();
