import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';

const WAITING = ['new', 'open', 'pending', 'on_hold'] as const;

/**
 * A team's cases waiting for an agent, most pressing first: the soonest running SLA due time, then
 * the highest priority, then the oldest. Cases that reached the team before its mode was set are
 * not routing's to take (see routeCase).
 */
export const waitingCases = (db: Executor, teamId: string, since: Date, limit: number) =>
  db
    .selectFrom('cases as c')
    // next_due_at: the soonest running target's due time, kept on the case (migration 20261123T1600).
    .select(['c.id', 'c.next_due_at as due_at'])
    .where('c.team_id', '=', teamId)
    .where('c.assignee_id', 'is', null)
    .where('c.status', 'in', WAITING)
    .where('c.updated_at', '>=', since)
    .orderBy(sql`due_at asc nulls last`)
    .orderBy('c.priority', 'desc')
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();

/** Teams that route automatically and have a case waiting, in any workspace (for the sweep). */
export const teamsWithWaiting = (db: Executor, limit: number) =>
  db
    .selectFrom('team_routing as tr')
    .select(['tr.team_id', 'tr.workspace_id'])
    .where('tr.mode', '!=', 'manual')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('cases as c')
          .select(sql`1`.as('one'))
          .whereRef('c.team_id', '=', 'tr.team_id')
          .where('c.assignee_id', 'is', null)
          .where('c.status', 'in', WAITING)
          .whereRef('c.updated_at', '>=', 'tr.mode_set_at'),
      ),
    )
    .orderBy('tr.team_id')
    .limit(limit)
    .execute();

/** The teams an agent belongs to that route automatically. */
export const autoTeamsOf = (db: Executor, workspaceId: string, staffIds: string[]) =>
  staffIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('team_members as tm')
        .innerJoin('team_routing as tr', 'tr.team_id', 'tm.team_id')
        .select('tr.team_id')
        .distinct()
        .where('tm.staff_id', 'in', staffIds)
        .where('tr.workspace_id', '=', workspaceId)
        .where('tr.mode', '!=', 'manual')
        .execute();

/**
 * Queues a drain per team, keyed by team so that a burst of triggers runs one drain; a trigger
 * while a drain runs queues one more after it. In the caller's transaction.
 */
export async function queueDrains(db: Executor, workspaceId: string, teamIds: string[]) {
  for (const teamId of [...new Set(teamIds)].sort()) {
    await sql`select graphile_worker.add_job('routing.drain',
      json_build_object('workspace_id', ${workspaceId}::text, 'team_id', ${teamId}::text),
      job_key => ${`routing.drain:${teamId}`}, job_key_mode => 'replace')`.execute(db);
  }
}

export const rescheduleSweep = (db: Executor, minutes: number) =>
  sql`select graphile_worker.add_job('routing.sweep', '{}'::json,
    run_at => now() + make_interval(mins => ${minutes}), job_key => 'routing.sweep', job_key_mode => 'replace')`.execute(
    db,
  );
