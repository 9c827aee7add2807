import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import { changedFields } from '../../infra/changes.ts';
import type { Executor } from '../../infra/db.ts';
import type { EventActor } from '../../infra/emit.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { assertStaffIdsInWorkspace } from './staff.guards.ts';
import type { TeamView } from './staff.present.ts';
import { idSet, membershipDiff } from './staff.rules.ts';
import * as tq from './teams.queries.ts';

/** A workspace has a handful of teams; the cap only guards against the pathological. */
const TEAM_LIST_LIMIT = 500;

const nameTaken = () =>
  new AppError('conflict', 'There is already a team with that name', { reason: 'team_name_taken' });

/** PostgreSQL's unique_violation: the only unique key a team update can break is its name. */
const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === '23505';

type TeamRow = Omit<TeamView, 'member_ids'>;

async function withMembers(db: Executor, rows: TeamRow[]): Promise<TeamView[]> {
  const members = Map.groupBy(
    await tq.membersOfTeams(
      db,
      rows.map((r) => r.id),
    ),
    (m) => m.team_id,
  );
  return rows.map((r) => ({ ...r, member_ids: (members.get(r.id) ?? []).map((m) => m.staff_id) }));
}

async function loadTeam(db: Executor, workspaceId: string, id: string): Promise<TeamView> {
  const row = await tq.findTeam(db, workspaceId, id);
  if (!row) throw notFound('Team');
  return (await withMembers(db, [row]))[0]!;
}

export type NewTeam = { name: string; description?: string; member_ids?: string[] };

/** Adds a team inside the caller's transaction. */
export async function createTeam(
  deps: Deps,
  trx: Executor,
  workspaceId: string,
  input: NewTeam,
  by: EventActor,
): Promise<{ id: string; name: string }> {
  const memberIds = idSet(input.member_ids ?? []);
  await assertStaffIdsInWorkspace(trx, workspaceId, memberIds);
  const at = deps.clock.now();
  const team = await tq.insertTeam(trx, {
    workspace_id: workspaceId,
    name: input.name,
    description: input.description ?? '',
    created_at: at,
  });
  if (!team) throw nameTaken();
  await tq.addMemberships(
    trx,
    workspaceId,
    memberIds.map((staff_id) => ({ team_id: team.id, staff_id })),
  );
  await emit(trx, { workspaceId, actor: by, at }, [
    {
      type: 'team.created',
      data: { team_id: team.id, name: team.name, description: team.description, member_ids: memberIds },
    },
  ]);
  return { id: team.id, name: team.name };
}

export async function listTeams(deps: Deps, actor: StaffActor) {
  return withMembers(deps.db, await tq.listTeams(deps.db, actor.workspaceId, TEAM_LIST_LIMIT));
}

export async function addTeam(deps: Deps, actor: StaffActor, input: NewTeam) {
  return deps.db.transaction().execute(async (trx) => {
    const team = await createTeam(deps, trx, actor.workspaceId, input, actorRef(actor));
    return loadTeam(trx, actor.workspaceId, team.id);
  });
}

/** Makes `memberIds` the whole membership; returns the audit entry, or nothing when unchanged. */
async function replaceMembers(trx: Executor, workspaceId: string, teamId: string, memberIds: string[]) {
  const after = idSet(memberIds);
  await assertStaffIdsInWorkspace(trx, workspaceId, after);
  const before = idSet((await tq.membersOfTeams(trx, [teamId])).map((m) => m.staff_id));
  const { added, removed } = membershipDiff(before, after);
  if (added.length === 0 && removed.length === 0) return {};
  await tq.removeTeamMembers(trx, teamId, removed);
  await tq.addMemberships(
    trx,
    workspaceId,
    added.map((staff_id) => ({ team_id: teamId, staff_id })),
  );
  return { member_ids: [before, after] };
}

export type TeamPatch = { name?: string; description?: string; member_ids?: string[] };

export async function updateTeam(deps: Deps, actor: StaffActor, id: string, patch: TeamPatch) {
  const { member_ids, ...fields } = patch;
  const ws = actor.workspaceId;
  return deps.db.transaction().execute(async (trx) => {
    const before = await tq.lockTeam(trx, ws, id);
    if (!before) throw notFound('Team');
    const changes = {
      ...changedFields(before, fields),
      ...(member_ids ? await replaceMembers(trx, ws, id, member_ids) : {}),
    };
    if (Object.keys(changes).length === 0) return loadTeam(trx, ws, id);
    const at = deps.clock.now();
    await tq.updateTeam(trx, ws, id, { ...fields, updated_at: at }).catch((err: unknown) => {
      throw isUniqueViolation(err) ? nameTaken() : err;
    });
    await emit(trx, { workspaceId: ws, actor: actorRef(actor), at }, [
      { type: 'team.updated', data: { team_id: id, changes } },
    ]);
    return loadTeam(trx, ws, id);
  });
}

/** Members leave with the team; cases of the team keep going, without a team. */
export async function deleteTeam(deps: Deps, actor: StaffActor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const team = await tq.lockTeam(trx, actor.workspaceId, id);
    if (!team) throw notFound('Team');
    await tq.deleteTeam(trx, actor.workspaceId, id);
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at: deps.clock.now() }, [
      { type: 'team.deleted', data: { team_id: id, name: team.name } },
    ]);
  });
}
