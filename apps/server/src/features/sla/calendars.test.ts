import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import { fixedClock } from '../../infra/clock.ts';

// Tuesday 10 March 2026, 09:00 in London.
const clock = fixedClock(new Date('2026-03-10T09:00:00Z'));
let t: TestContext;
let w: World;

const OFFICE = {
  name: 'Office hours',
  time_zone: 'Europe/London',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' })),
  holiday_country: 'GB',
  holiday_region: 'ENG',
  closures: ['2026-03-12'],
};

const typesOf = async (workspaceId: string, prefix: string) =>
  (
    await t.deps.db
      .selectFrom('events')
      .select('type')
      .where('workspace_id', '=', workspaceId)
      .where('type', 'like', `${prefix}%`)
      .orderBy('id')
      .execute()
  ).map((e) => e.type);

beforeAll(async () => {
  t = await startTestApp({ clock });
  w = await makeWorkspace(t);
});
afterAll(() => t.close());

describe('business calendars', () => {
  it('sets the workspace and a team calendar, previews them, and deletes only the team one', async () => {
    const put = await call(t, w.manager, 'PUT', '/api/v1/sla/calendars/workspace', {
      ...OFFICE,
      time_zone: 'europe/london',
    });
    expect(put.status).toBe(200);
    expect(put.body.calendar).toMatchObject({
      team: null,
      time_zone: 'Europe/London',
      closures: ['2026-03-12'],
    });
    expect(put.body.recompute).toEqual({ open_cases: 0 });

    const night = await call(t, w.admin, 'PUT', `/api/v1/sla/calendars/${w.team.id}`, {
      name: 'Night desk',
      time_zone: 'America/New_York',
      weekly: [{ day: 2, start: '22:00', end: '06:00' }],
      holiday_country: null,
      holiday_region: null,
      closures: [],
    });
    expect(night.status).toBe(200);
    expect(night.body.calendar.team).toEqual({ id: w.team.id, name: w.team.name });

    const list = await call(t, w.supervisor, 'GET', '/api/v1/sla/calendars');
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(['Office hours', 'Night desk']);

    const preview = await call(t, w.supervisor, 'GET', '/api/v1/sla/calendars/workspace/preview?days=7');
    expect(preview.status).toBe(200);
    expect(preview.body.days.map((d: { date: string }) => d.date)[0]).toBe('2026-03-10');
    expect(preview.body.days[0].hours).toEqual([{ start: '08:00', end: '18:00' }]);
    expect(preview.body.days[2]).toMatchObject({ date: '2026-03-12', closed: 'closure', hours: [] });
    expect(preview.body.days[4]).toMatchObject({ date: '2026-03-14', closed: null, hours: [] });
    expect(preview.body.upcoming.slice(0, 3)).toEqual([
      { date: '2026-03-12', kind: 'closure', name: 'Closed' },
      { date: '2026-04-03', kind: 'holiday', name: 'Good Friday' },
      { date: '2026-04-06', kind: 'holiday', name: 'Easter Monday' },
    ]);

    const removeWorkspace = await call(t, w.admin, 'DELETE', '/api/v1/sla/calendars/workspace');
    expect(removeWorkspace.status).toBe(409);
    expect(removeWorkspace.body.reason).toBe('workspace_calendar_required');
    expect((await call(t, w.admin, 'DELETE', `/api/v1/sla/calendars/${w.team.id}`)).status).toBe(200);
    expect((await call(t, w.admin, 'GET', `/api/v1/sla/calendars/${w.team.id}`)).status).toBe(404);
    expect(await typesOf(w.ws.id, 'calendar.')).toEqual([
      'calendar.updated',
      'calendar.updated',
      'calendar.deleted',
    ]);
  });

  it.each([
    [{ time_zone: 'Mars/Olympus' }, 'invalid_time_zone'],
    [{ weekly: [] }, 'calendar_never_open'],
    [
      {
        weekly: [
          { day: 1, start: '08:00', end: '12:00' },
          { day: 1, start: '11:00', end: '15:00' },
        ],
      },
      'overlapping_hours',
    ],
    [
      {
        weekly: [
          { day: 3, start: '20:00', end: '02:00' },
          { day: 3, start: '21:00', end: '22:00' },
        ],
      },
      'overlapping_hours',
    ],
    [{ holiday_country: 'XX', holiday_region: null }, 'unknown_holiday_country'],
    [{ holiday_region: 'ZZZ' }, 'unknown_holiday_region'],
    [{ closures: ['2026-02-30'] }, 'validation_failed'],
    [{ weekly: [{ day: 7, start: '08:00', end: '18:00' }] }, 'validation_failed'],
    [{ weekly: [{ day: 1, start: '8:00', end: '18:00' }] }, 'validation_failed'],
    [
      {
        closures: Array.from({ length: 367 }, (_, i) =>
          new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
        ),
      },
      'validation_failed',
    ],
  ])('refuses %j as %s and leaves no trace', async (patch, reason) => {
    const before = await call(t, w.admin, 'GET', '/api/v1/sla/calendars/workspace');
    const events = await typesOf(w.ws.id, 'calendar.');
    const res = await call(t, w.admin, 'PUT', '/api/v1/sla/calendars/workspace', { ...OFFICE, ...patch });
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe(reason);
    expect((await call(t, w.admin, 'GET', '/api/v1/sla/calendars/workspace')).body).toEqual(before.body);
    expect(await typesOf(w.ws.id, 'calendar.')).toEqual(events);
  });

  it('lets supervisors read, managers and admins write, and agents neither', async () => {
    expect((await call(t, w.agent, 'GET', '/api/v1/sla/calendars')).status).toBe(403);
    expect((await call(t, w.agent, 'GET', '/api/v1/sla/holiday-countries')).status).toBe(403);
    const sup = await call(t, w.supervisor, 'PUT', '/api/v1/sla/calendars/workspace', OFFICE);
    expect(sup.status).toBe(403);
    expect(sup.body.reason).toBe('role_required');
    expect((await call(t, w.alice, 'GET', '/api/v1/sla/calendars')).status).toBe(403);
    expect((await call(t, null, 'GET', '/api/v1/sla/calendars')).status).toBe(401);
  });

  it('lists holiday countries and regions for the selects', async () => {
    const countries = await call(t, w.supervisor, 'GET', '/api/v1/sla/holiday-countries');
    expect(countries.body.items).toContainEqual({ code: 'GB', name: 'United Kingdom' });
    const regions = await call(t, w.supervisor, 'GET', '/api/v1/sla/holiday-countries/gb/regions');
    expect(regions.body.items).toContainEqual({ code: 'ENG', name: 'England' });
    const unknown = await call(t, w.supervisor, 'GET', '/api/v1/sla/holiday-countries/XX/regions');
    expect(unknown.status).toBe(404);
  });

  it('keeps one workspace out of another’s calendars (404)', async () => {
    const other = await makeWorkspace(t);
    const put = await call(t, other.admin, 'PUT', `/api/v1/sla/calendars/${w.team.id}`, OFFICE);
    expect(put.status).toBe(404);
    expect((await call(t, other.admin, 'GET', `/api/v1/sla/calendars/${w.team.id}`)).status).toBe(404);
    expect((await call(t, other.admin, 'DELETE', `/api/v1/sla/calendars/${w.team.id}`)).status).toBe(404);
    const theirs = await call(t, other.supervisor, 'GET', '/api/v1/sla/calendars');
    expect(theirs.body.items).toEqual([]);
    expect((await call(t, other.admin, 'GET', '/api/v1/sla/calendars/workspace')).status).toBe(404);
  });
});
