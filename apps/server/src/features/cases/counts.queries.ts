import { sql } from 'kysely';
import { type Executor, GENERIC_PLAN } from '../../infra/db.ts';

const NIL = '00000000-0000-0000-0000-000000000000';

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
 * Every sidebar count in one statement (one round trip), all from incrementally kept counters:
 * case_counts (a few rows per team and agent) and case_solved_days (per workspace, UTC day and
 * stripe), summed over the days from `solvedFromDay` (an ISO date, UTC) on. Never a scan of cases.
 *
 * Planned once per connection (GENERIC_PLAN): each table is read by its one index whatever the
 * values, but PostgreSQL's estimate for "day >= $date" made its generic plan look dearer on a large
 * desk, so it planned the statement on every call: 0.35-0.45 ms of a ~0.5 ms request on a million
 * cases, against 0.13 ms to run it (docs/performance.md, 2026-11-28).
 */
export async function queueCountsOf(
  db: Executor,
  workspaceId: string,
  staffId: string,
  solvedFromDay: string,
) {
  const { rows } = await sql<QueueCountsRow>`
    select
      coalesce(sum(n) filter (where assignee_key = ${staffId}::uuid and status in ('new', 'open', 'pending', 'on_hold')), 0)::int as mine,
      coalesce(sum(n) filter (where assignee_key = ${NIL}::uuid and status in ('new', 'open')), 0)::int as unassigned,
      coalesce(sum(n) filter (where status in ('new', 'open')), 0)::int as all_open,
      coalesce(sum(n) filter (where status = 'pending'), 0)::int as pending,
      coalesce(sum(n) filter (where status = 'on_hold'), 0)::int as on_hold,
      (select coalesce(sum(sd.n), 0)::int from case_solved_days sd
        where sd.workspace_id = ${workspaceId} and sd.day >= ${solvedFromDay}::date) as solved_recently,
      (select coalesce(json_agg(json_build_object('id', x.id, 'name', x.name, 'is_member', x.is_member,
          'open', x.open) order by lower(x.name), x.id), '[]')
        from (
          select t.id, t.name,
            exists (select 1 from team_members tm where tm.team_id = t.id and tm.staff_id = ${staffId}) as is_member,
            coalesce((select sum(cc.n) from case_counts cc where cc.workspace_id = t.workspace_id
              and cc.team_key = t.id and cc.status in ('new', 'open')), 0)::int as open
          from teams t where t.workspace_id = ${workspaceId}
          order by lower(t.name), t.id limit 200
        ) x) as teams
    from case_counts where workspace_id = ${workspaceId} ${sql.raw(GENERIC_PLAN)}`.execute(db);
  return rows[0]!;
}
