import type { StaffRole } from '@fairdesk/contract';
import type { Executor } from '../../infra/db.ts';
import { AppError } from '../../infra/errors.ts';
import * as q from './staff.queries.ts';
import { missingIds } from './staff.rules.ts';
import * as tq from './teams.queries.ts';

// Ids that arrive in a body (assignee, members, teams) are the client's mistake when they are not
// ours: a 400 naming them, never a 404 (the route's own resource exists) and never a leak of
// whether the id lives in another workspace.

const unknownStaff = (ids: string[]) =>
  new AppError('invalid', 'No such staff member in this workspace', {
    reason: 'unknown_staff',
    details: { ids },
  });

const unknownTeam = (ids: string[]) =>
  new AppError('invalid', 'No such team in this workspace', { reason: 'unknown_team', details: { ids } });

/** An active staff member of the workspace, e.g. someone a case may be assigned to. */
export async function assertStaffInWorkspace(
  db: Executor,
  workspaceId: string,
  staffId: string,
): Promise<{ id: string; name: string; role: StaffRole }> {
  const staff = await q.findActiveStaff(db, workspaceId, staffId);
  if (!staff) throw unknownStaff([staffId]);
  return staff;
}

export async function assertTeamInWorkspace(
  db: Executor,
  workspaceId: string,
  teamId: string,
): Promise<{ id: string; name: string }> {
  const team = await tq.findTeam(db, workspaceId, teamId);
  if (!team) throw unknownTeam([teamId]);
  return { id: team.id, name: team.name };
}

/** Team members may be inactive: a deactivated colleague keeps their history until removed. */
export async function assertStaffIdsInWorkspace(db: Executor, workspaceId: string, ids: string[]) {
  const missing = missingIds(ids, await q.existingStaffIds(db, workspaceId, ids));
  if (missing.length > 0) throw unknownStaff(missing);
}

export async function assertTeamIdsInWorkspace(db: Executor, workspaceId: string, ids: string[]) {
  const missing = missingIds(ids, await tq.existingTeamIds(db, workspaceId, ids));
  if (missing.length > 0) throw unknownTeam(missing);
}
