/** The key of "no team" and "no assignee" in case_counts. */
export const NO_KEY = '00000000-0000-0000-0000-000000000000';

type CountedStatus = 'new' | 'open' | 'pending' | 'on_hold';

/** A workspace's queue counters, as counts.queries.ts reads them once for all its staff. */
export type WorkspaceCounters = {
  /** Cases per team, assignee and status (NO_KEY for none), for the statuses the sidebar counts. */
  keys: [team: string, assignee: string, status: CountedStatus, n: number][];
  /** Cases solved on the window's days (the window is part of the read's key). */
  solved_recently: number;
  /** The sidebar's teams, in its order, with the staff ids of their members. */
  teams: [id: string, name: string, members: string[]][];
};

export type TeamCount = { id: string; name: string; is_member: boolean; open: number };
export type QueueCountsRow = {
  mine: number;
  unassigned: number;
  all_open: number;
  pending: number;
  on_hold: number;
  solved_recently: number;
  teams: TeamCount[];
};

/**
 * The sidebar's counts as one staff member sees them: "mine" is every case assigned to them that
 * is not solved or closed; unassigned, all open and each team's count are the new and open cases.
 */
export function countsFor(staffId: string, c: WorkspaceCounters): QueueCountsRow {
  let mine = 0;
  let unassigned = 0;
  let allOpen = 0;
  let pending = 0;
  let onHold = 0;
  const teamOpen = new Map<string, number>();
  for (const [team, assignee, status, n] of c.keys) {
    if (assignee === staffId) mine += n;
    if (status === 'new' || status === 'open') {
      allOpen += n;
      if (assignee === NO_KEY) unassigned += n;
      teamOpen.set(team, (teamOpen.get(team) ?? 0) + n);
    } else if (status === 'pending') pending += n;
    else if (status === 'on_hold') onHold += n;
  }
  return {
    mine,
    unassigned,
    all_open: allOpen,
    pending,
    on_hold: onHold,
    solved_recently: c.solved_recently,
    teams: c.teams.map(([id, name, members]) => ({
      id,
      name,
      is_member: members.includes(staffId),
      open: teamOpen.get(id) ?? 0,
    })),
  };
}
