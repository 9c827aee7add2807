import type { CalendarFields, CalendarPreview } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import type { WeeklyHours } from './business-hours.rules.ts';
import * as q from './calendars.queries.ts';
import {
  calendarProblems,
  canonicalTimeZone,
  comingDays,
  holidayCountries,
  holidayRegions,
  upcomingClosures,
} from './calendars.rules.ts';
import { queueOpenCasesRecompute } from './recompute.service.ts';
import { presentCalendar } from './sla-admin.present.ts';

/** `workspace`, or a team of the actor's workspace (404 otherwise). */
async function teamOf(deps: Deps, actor: StaffActor, scope: string): Promise<string | null> {
  if (scope === 'workspace') return null;
  if (!(await q.findTeam(deps.db, actor.workspaceId, scope))) throw notFound('Team');
  return scope;
}

export async function listCalendars(deps: Deps, actor: StaffActor) {
  return { items: (await q.listCalendars(deps.db, actor.workspaceId)).map(presentCalendar) };
}

async function calendarOf(deps: Deps, actor: StaffActor, scope: string) {
  const row = await q.findCalendarOf(deps.db, actor.workspaceId, await teamOf(deps, actor, scope));
  if (!row) throw notFound('Calendar');
  return row;
}

export const getCalendar = async (deps: Deps, actor: StaffActor, scope: string) =>
  presentCalendar(await calendarOf(deps, actor, scope));

/** Checks a calendar and spells it canonically; a problem is a 400 with its own reason. */
function checked(input: CalendarFields): q.CalendarValues {
  const values = {
    ...input,
    weekly: input.weekly as WeeklyHours[],
    holiday_country: input.holiday_country || null,
    holiday_region: input.holiday_region || null,
    closures: [...new Set(input.closures)].sort(),
  };
  const [problem] = calendarProblems(values);
  if (problem) throw new AppError('invalid', problem.message, { reason: problem.reason });
  return { ...values, time_zone: canonicalTimeZone(values.time_zone) as string };
}

/** Sets the workspace's or a team's calendar; open cases' due times follow in the background. */
export async function saveCalendar(deps: Deps, actor: StaffActor, scope: string, input: CalendarFields) {
  const teamId = await teamOf(deps, actor, scope);
  const values = checked(input);
  const at = deps.clock.now();
  const recompute = await deps.db.transaction().execute(async (trx) => {
    await q.upsertCalendar(trx, actor.workspaceId, teamId, values, at);
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      { type: 'calendar.updated', data: { team_id: teamId, ...values } },
    ]);
    return queueOpenCasesRecompute(trx, actor.workspaceId);
  });
  return { calendar: await getCalendar(deps, actor, scope), recompute };
}

/** A team goes back to the workspace's calendar. The workspace's own cannot be deleted. */
export async function deleteTeamCalendar(deps: Deps, actor: StaffActor, scope: string) {
  const teamId = await teamOf(deps, actor, scope);
  if (!teamId)
    throw new AppError(
      'conflict',
      'The workspace calendar is the one every team falls back to; edit it instead',
      {
        reason: 'workspace_calendar_required',
      },
    );
  const at = deps.clock.now();
  const recompute = await deps.db.transaction().execute(async (trx) => {
    const gone = await q.deleteTeamCalendar(trx, actor.workspaceId, teamId);
    if (!gone.numDeletedRows) throw notFound('Calendar');
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      { type: 'calendar.deleted', data: { team_id: teamId } },
    ]);
    return queueOpenCasesRecompute(trx, actor.workspaceId);
  });
  return { recompute };
}

/** What the calendar means in practice: the coming days' hours and the next days off. */
export async function previewCalendar(
  deps: Deps,
  actor: StaffActor,
  scope: string,
  days: number,
): Promise<CalendarPreview> {
  const view = presentCalendar(await calendarOf(deps, actor, scope));
  const row = { ...view, weekly: view.weekly as WeeklyHours[] };
  const now = deps.clock.now();
  const coming = comingDays(row, now, days);
  return {
    time_zone: row.time_zone,
    days: coming,
    upcoming: upcomingClosures(row, coming[0]?.date ?? now.toISOString().slice(0, 10), 8),
  };
}

export const listHolidayCountries = () => ({ items: holidayCountries() });

export function listHolidayRegions(country: string) {
  const items = holidayRegions(country);
  if (!items) throw notFound('Holiday country');
  return { items };
}
