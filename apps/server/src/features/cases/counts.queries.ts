import { sql } from 'kysely';
import { type Executor, GENERIC_PLAN } from '../../infra/db.ts';
import type { WorkspaceCounters } from './counts.rules.ts';

/**
 * A workspace's queue counters in one statement (one round trip), all kept incrementally:
 * case_counts (a few rows per team, agent and status, striped) summed per key for the statuses the
 * sidebar counts, case_solved_days summed over the days from `solvedFromDay` (an ISO date, UTC) on,
 * and the sidebar's teams with their members. Never a scan of cases. What one staff member sees is
 * computed from this (counts.rules.ts), so that every agent of a workspace shares one read
 * (infra/workspace-cache.ts).
 *
 * Planned once per connection (GENERIC_PLAN): each table is read by its one index whatever the
 * values, but PostgreSQL's estimate for "day >= $date" made its generic plan look dearer on a large
 * desk, so it planned the statement on every call: 0.35-0.45 ms of a ~0.5 ms request on a million
 * cases, against 0.13 ms to run it (docs/performance-history.md, 2026-11-28).
 */
export async function workspaceCountersOf(
  db: Executor,
  workspaceId: string,
  solvedFromDay: string,
): Promise<WorkspaceCounters> {
  const { rows } = await sql<WorkspaceCounters>`
    select
      (select coalesce(json_agg(json_build_array(k.team_key, k.assignee_key, k.status, k.n)), '[]')
        from (
          select team_key, assignee_key, status::text as status, sum(n)::int as n from case_counts
          where workspace_id = ${workspaceId} and status in ('new', 'open', 'pending', 'on_hold')
          group by 1, 2, 3 having sum(n) <> 0
        ) k) as keys,
      (select coalesce(sum(sd.n), 0)::int from case_solved_days sd
        where sd.workspace_id = ${workspaceId} and sd.day >= ${solvedFromDay}::date) as solved_recently,
      (select coalesce(json_agg(json_build_array(x.id, x.name, x.members) order by lower(x.name), x.id), '[]')
        from (
          select t.id, t.name, array(select tm.staff_id from team_members tm where tm.team_id = t.id) as members
          from teams t where t.workspace_id = ${workspaceId}
          order by lower(t.name), t.id limit 200
        ) x) as teams
    ${sql.raw(GENERIC_PLAN)}`.execute(db);
  return rows[0]!;
}
