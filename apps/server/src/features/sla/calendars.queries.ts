import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { WeeklyHours } from './business-hours.rules.ts';

/** Calendars with their team's name; closures as text, so that no time zone shifts a date. */
const calendars = (db: Executor, workspaceId: string) =>
  db
    .selectFrom('business_calendars as bc')
    .leftJoin('teams as t', 't.id', 'bc.team_id')
    .select([
      'bc.id',
      'bc.team_id',
      't.name as team_name',
      'bc.name',
      'bc.time_zone',
      'bc.weekly',
      'bc.holiday_country',
      'bc.holiday_region',
      sql<string[]>`bc.closures::text[]`.as('closures'),
      'bc.updated_at',
    ])
    .where('bc.workspace_id', '=', workspaceId);

export type CalendarRow = Awaited<ReturnType<typeof listCalendars>>[number];

/** The workspace's calendar first, then the teams' by name. */
export const listCalendars = (db: Executor, workspaceId: string) =>
  calendars(db, workspaceId).orderBy(sql`bc.team_id is not null`).orderBy('t.name').execute();

export const findCalendarOf = (db: Executor, workspaceId: string, teamId: string | null) =>
  calendars(db, workspaceId)
    .where((eb) => (teamId ? eb('bc.team_id', '=', teamId) : eb('bc.team_id', 'is', null)))
    .executeTakeFirst();

export const findTeam = (db: Executor, workspaceId: string, teamId: string) =>
  db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', teamId)
    .executeTakeFirst();

export type CalendarValues = {
  name: string;
  time_zone: string;
  weekly: WeeklyHours[];
  holiday_country: string | null;
  holiday_region: string | null;
  closures: string[];
};

/** Creates or replaces the calendar of a scope (the workspace's when teamId is null). */
export const upsertCalendar = (
  trx: Executor,
  workspaceId: string,
  teamId: string | null,
  v: CalendarValues,
  at: Date,
) =>
  trx
    .insertInto('business_calendars')
    .values({
      ...v,
      workspace_id: workspaceId,
      team_id: teamId,
      weekly: JSON.stringify(v.weekly),
      closures: sql`${v.closures}::date[]`,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'team_id']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        time_zone: eb.ref('excluded.time_zone'),
        weekly: eb.ref('excluded.weekly'),
        holiday_country: eb.ref('excluded.holiday_country'),
        holiday_region: eb.ref('excluded.holiday_region'),
        closures: eb.ref('excluded.closures'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();

export const deleteTeamCalendar = (trx: Executor, workspaceId: string, teamId: string) =>
  trx
    .deleteFrom('business_calendars')
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', teamId)
    .executeTakeFirst();
