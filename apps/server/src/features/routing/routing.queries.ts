import type { AssignmentMode, Availability } from '@fairdesk/contract';
import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import { statementOnce } from '../../infra/statement-shapes.ts';

const OPEN = ['new', 'open', 'pending', 'on_hold'] as const;

// The routing job's first read, compiled once (statementByShape): it runs for every new case, and
// Kysely's building was the largest part of its app CPU after the round trip (docs/decisions.md,
// 2026-12-07).
const findCaseStatement = statementOnce((db, v: { workspaceId: string; id: string }) =>
  db
    .selectFrom('cases')
    .select((eb) => [
      'id',
      'team_id',
      'assignee_id',
      'status',
      'tags',
      'priority',
      eb
        .selectFrom('team_routing as tr')
        .select('tr.mode')
        .whereRef('tr.team_id', '=', 'cases.team_id')
        .as('routing_mode'),
    ])
    .where('workspace_id', '=', v.workspaceId)
    .where('id', '=', v.id),
);

/** The case unlocked, with its team's routing mode (null: the team never set one, so manual). */
export const findCase = (db: Executor, workspaceId: string, id: string) =>
  findCaseStatement(db, { workspaceId, id }).then((rows) => rows[0]);

/** The case, locked: routing and every other writer of it go one at a time. With the customer's language. */
export const lockCase = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('cases as c')
    .select((eb) => [
      'c.id',
      'c.team_id',
      'c.assignee_id',
      'c.status',
      'c.tags',
      'c.priority',
      'c.updated_at',
      eb
        .selectFrom('customers as cu')
        .select('cu.language')
        .whereRef('cu.id', '=', 'c.customer_id')
        .as('language'),
    ])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', '=', id)
    .forUpdate(['c'])
    .executeTakeFirst();

/** The team's routing row, locked: a team's cases are routed one at a time. */
export const lockTeamRouting = (db: Executor, teamId: string) =>
  db.selectFrom('team_routing').selectAll().where('team_id', '=', teamId).forUpdate().executeTakeFirst();

/** Locks the online agents among `ids` in key order, so teams that share agents cannot deadlock. */
export const lockOnlineAgents = (db: Executor, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('agent_routing')
        .select('staff_id')
        .where('staff_id', 'in', ids)
        .where('availability', '=', 'online')
        .orderBy('staff_id')
        .forUpdate()
        .execute();

/** Active staff (a team's members, or everyone) with their routing settings, open load and difficult work. */
export function agentsWithLoad(db: Executor, workspaceId: string, since: Date, teamId?: string) {
  let qb = db
    .selectFrom('staff as s')
    .leftJoin('agent_routing as ar', 'ar.staff_id', 's.id')
    .select((eb) => [
      's.id as staff_id',
      's.name',
      eb.fn.coalesce('ar.availability', sql<Availability>`'offline'::availability`).as('availability'),
      'ar.capacity',
      'ar.schedule',
      'ar.shift_time_zone',
      eb.fn.coalesce('ar.skills', sql<string[]>`'{}'::text[]`).as('skills'),
      eb
        .selectFrom('cases as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.assignee_id', '=', 's.id')
        .where('c.status', 'in', OPEN)
        .as('open_cases'),
      eb
        .selectFrom('routing_assignments as ra')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('ra.staff_id', '=', 's.id')
        .where('ra.workspace_id', '=', workspaceId)
        .where('ra.difficult', '=', true)
        .where('ra.created_at', '>', since)
        .as('difficult'),
    ])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.active', '=', true);
  if (teamId) {
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('team_members as tm')
          .select(sql`1`.as('one'))
          .whereRef('tm.staff_id', '=', 's.id')
          .where('tm.team_id', '=', teamId),
      ),
    );
  }
  return qb.orderBy('s.name').orderBy('s.id').execute();
}

export const recordAssignment = (
  db: Executor,
  row: {
    workspace_id: string;
    case_id: string;
    team_id: string;
    staff_id: string;
    difficult: boolean;
    explanation: string;
    created_at: Date;
  },
) =>
  db
    .insertInto('routing_assignments')
    .values(row)
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet({
        team_id: row.team_id,
        staff_id: row.staff_id,
        difficult: row.difficult,
        explanation: row.explanation,
        created_at: row.created_at,
      }),
    )
    .execute();

/** Not updated_at: that marks when the mode was set (see routeCase). */
export const setLastAssigned = (db: Executor, teamId: string, staffId: string) =>
  db
    .updateTable('team_routing')
    .set({ last_assigned_staff_id: staffId })
    .where('team_id', '=', teamId)
    .execute();

export const findTeam = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findStaff = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();

export const teamRouting = (db: Executor, teamId: string) =>
  db.selectFrom('team_routing').selectAll().where('team_id', '=', teamId).executeTakeFirst();

export const teamsWithRouting = (db: Executor, workspaceId: string) =>
  db
    .selectFrom('teams as t')
    .leftJoin('team_routing as tr', 'tr.team_id', 't.id')
    .select((eb) => [
      't.id as team_id',
      't.name',
      eb.fn.coalesce('tr.mode', sql<AssignmentMode>`'manual'::assignment_mode`).as('mode'),
      eb.fn.coalesce('tr.default_capacity', sql<number>`10`).as('default_capacity'),
      eb.fn.coalesce('tr.difficult_window_hours', sql<number>`24`).as('difficult_window_hours'),
      eb.fn.coalesce('tr.skill_rules', sql`'[]'::jsonb`).as('skill_rules'),
      sql<
        string[]
      >`coalesce((select array_agg(tm.staff_id) from team_members tm where tm.team_id = t.id), '{}')`.as(
        'member_ids',
      ),
    ])
    .where('t.workspace_id', '=', workspaceId)
    .orderBy('t.name')
    .limit(500)
    .execute();

export const upsertTeamRouting = (
  db: Executor,
  row: {
    team_id: string;
    workspace_id: string;
    mode: AssignmentMode;
    default_capacity?: number;
    difficult_window_hours?: number;
    skill_rules?: unknown[];
    mode_set_at?: Date;
    updated_at: Date;
  },
) => {
  const values = {
    ...row,
    skill_rules: row.skill_rules ? JSON.stringify(row.skill_rules) : undefined,
    mode_set_at: row.mode_set_at ?? row.updated_at,
  };
  const { team_id: _t, workspace_id: _w, ...set } = { ...values, mode_set_at: row.mode_set_at };
  return db
    .insertInto('team_routing')
    .values(values)
    .onConflict((oc) => oc.column('team_id').doUpdateSet(set))
    .execute();
};

export const upsertAgentRouting = (
  db: Executor,
  row: {
    staff_id: string;
    workspace_id: string;
    availability?: Availability;
    capacity?: number | null;
    skills?: string[];
    schedule?: { time_zone: string; weekly: unknown[] } | null;
    updated_at: Date;
  },
) => {
  const { schedule, ...rest } = row;
  const values = {
    ...rest,
    ...(schedule === undefined
      ? {}
      : {
          schedule: schedule && JSON.stringify(schedule.weekly),
          shift_time_zone: schedule?.time_zone ?? null,
        }),
  };
  const { staff_id: _s, workspace_id: _w, ...set } = values;
  return db
    .insertInto('agent_routing')
    .values(values)
    .onConflict((oc) => oc.column('staff_id').doUpdateSet(set))
    .execute();
};

export const agentRouting = (db: Executor, staffId: string) =>
  db.selectFrom('agent_routing').selectAll().where('staff_id', '=', staffId).executeTakeFirst();

/** The demo: every active agent of the workspace, by name. */
export const staffOf = (db: Executor, workspaceId: string) =>
  db
    .selectFrom('staff')
    .select(['id', 'name', 'role'])
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', true)
    .execute();

export const teamsOf = (db: Executor, workspaceId: string) =>
  db.selectFrom('teams').select(['id', 'name']).where('workspace_id', '=', workspaceId).execute();
