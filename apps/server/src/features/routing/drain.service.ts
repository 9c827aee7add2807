import type { Deps } from '../../deps.ts';
import * as dq from './drain.queries.ts';
import * as q from './routing.queries.ts';
import { drainTeamsOf, routeCase } from './routing.service.ts';

const BATCH = 50;
/** A drain routes at most this many batches; a team with more waiting gets the next sweep's drain. */
const MAX_BATCHES = 10;

/**
 * Routes a team's waiting cases, most pressing first, until they are all assigned or nobody can
 * take more (nobody online and on shift with room: then nobody can take the next one either).
 * Each case goes through routeCase, which locks the team's routing row, the case and the online
 * agents: two drains at once take turns case by case, and never overfill or double-assign.
 * Returns how many cases it assigned.
 */
export async function drainTeam(deps: Deps, workspaceId: string, teamId: string): Promise<number> {
  const team = await q.teamRouting(deps.db, teamId);
  if (!team || team.workspace_id !== workspaceId || team.mode === 'manual') return 0;
  let assigned = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const batch = await dq.waitingCases(deps.db, teamId, team.mode_set_at, BATCH);
    for (const c of batch) {
      const routed = await routeCase(deps, workspaceId, c.id, { recordMiss: false });
      if (routed?.staff_id) assigned++;
      else if (routed) return assigned;
    }
    if (batch.length < BATCH) break;
  }
  return assigned;
}

/** The safety net, and what notices shifts starting: queues a drain for every team with waiting cases. */
export async function sweepWaiting(deps: Deps) {
  const teams = await dq.teamsWithWaiting(deps.db, 1000);
  const byWorkspace = Map.groupBy(teams, (t) => t.workspace_id);
  for (const [workspaceId, rows] of byWorkspace)
    await dq.queueDrains(
      deps.db,
      workspaceId,
      rows.map((r) => r.team_id),
    );
  return teams.length;
}

/**
 * A case update that frees an agent's room (reassigned or unassigned away from them, solved or
 * closed) queues drains of their teams, and of the case's own team when the case now waits.
 */
export async function drainAfterCaseChange(
  deps: Deps,
  workspaceId: string,
  caseId: string,
  previousAssignee: string | null,
) {
  const c = await q.findCase(deps.db, workspaceId, caseId);
  if (!c) return;
  const freed = previousAssignee ?? c.assignee_id;
  await deps.db.transaction().execute(async (trx) => {
    if (freed) await drainTeamsOf(trx, workspaceId, [freed]);
    if (c.team_id && !c.assignee_id) {
      const team = await q.teamRouting(trx, c.team_id);
      if (team && team.mode !== 'manual') await dq.queueDrains(trx, workspaceId, [c.team_id]);
    }
  });
}
