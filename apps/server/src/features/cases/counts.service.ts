import type { Deps } from '../../deps.ts';
import type { StaffActor } from '../../infra/actor.ts';
import { queueCounters, solvedSince, teamCounters } from './counts.queries.ts';

const RECENT_MS = 7 * 24 * 3_600_000;

/** The sidebar's queue counts for this staff member, from counters, never a scan of cases. */
export async function queueCounts(deps: Deps, actor: StaffActor) {
  const since = new Date(deps.clock.now().getTime() - RECENT_MS);
  const [counters, teams, solved] = await Promise.all([
    queueCounters(deps.db, actor.workspaceId, actor.staffId),
    teamCounters(deps.db, actor.workspaceId, actor.staffId),
    solvedSince(deps.db, actor.workspaceId, since),
  ]);
  return { ...counters, solved_recently: solved, teams };
}
