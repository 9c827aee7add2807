import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';

const NIL = '00000000-0000-0000-0000-000000000000';

/** Reads the incrementally kept counters (case_counts): a few rows per team and agent. */
export async function queueCounters(db: Executor, workspaceId: string, staffId: string) {
  const { rows } = await sql<{
    mine: number;
    unassigned: number;
    all_open: number;
    pending: number;
    on_hold: number;
  }>`
    select
      coalesce(sum(n) filter (where assignee_key = ${staffId}::uuid and status in ('new', 'open', 'pending', 'on_hold')), 0)::int as mine,
      coalesce(sum(n) filter (where assignee_key = ${NIL}::uuid and status in ('new', 'open')), 0)::int as unassigned,
      coalesce(sum(n) filter (where status in ('new', 'open')), 0)::int as all_open,
      coalesce(sum(n) filter (where status = 'pending'), 0)::int as pending,
      coalesce(sum(n) filter (where status = 'on_hold'), 0)::int as on_hold
    from case_counts where workspace_id = ${workspaceId}`.execute(db);
  return rows[0]!;
}

export async function teamCounters(db: Executor, workspaceId: string, staffId: string) {
  const { rows } = await sql<{ id: string; name: string; is_member: boolean; open: number }>`
    select t.id, t.name,
      exists (select 1 from team_members tm where tm.team_id = t.id and tm.staff_id = ${staffId}) as is_member,
      coalesce((select sum(n) from case_counts cc where cc.workspace_id = t.workspace_id and cc.team_key = t.id
        and cc.status in ('new', 'open')), 0)::int as open
    from teams t where t.workspace_id = ${workspaceId}
    order by lower(t.name) limit 200`.execute(db);
  return rows;
}

/** Solved in the window: a range over a small partial index of solved cases. */
export async function solvedSince(db: Executor, workspaceId: string, since: Date) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from cases
    where workspace_id = ${workspaceId} and status = 'solved' and solved_at >= ${since}`.execute(db);
  return rows[0]!.n;
}
