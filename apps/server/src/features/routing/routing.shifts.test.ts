import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace } from '../../../test/factories.ts';
import { routeCase } from './index.ts';
import { assignees, openCases, routedEvents, routingWorld } from './routing.fixtures.ts';

let t: TestContext;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const NEVER = { time_zone: 'Europe/London', weekly: [] };
const ALWAYS = {
  time_zone: 'America/New_York',
  weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '00:00' })),
};

describe('shifts', () => {
  it('an online agent off shift gets nothing, and the routing says so', async () => {
    const w = await routingWorld(t, 'load_balanced', 10);
    const set = await call(t, w.admin, 'PUT', `/api/v1/staff/${w.agent2.id}/routing`, { schedule: NEVER });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ availability: 'online', schedule: NEVER, on_shift: false });
    const ids = await openCases(t, w, 3);
    for (const id of ids) await routeCase(t.deps, w.ws.id, id);
    for (const id of ids) expect((await assignees(t, w)).get(id)).toBe(w.agent.id);
    const [first] = await routedEvents(t, w);
    expect(first?.explanation).toContain(`${w.agent2.name} is off shift`);

    // Nobody on shift: the case waits, and the timeline says why.
    await call(t, w.admin, 'PUT', `/api/v1/staff/${w.agent.id}/routing`, { schedule: NEVER });
    const [later] = await openCases(t, w, 1);
    expect(await routeCase(t.deps, w.ws.id, later!)).toMatchObject({
      staff_id: null,
      explanation: expect.stringContaining('nobody online is on shift'),
    });

    // A schedule that covers now, then none at all: on shift either way.
    const always = await call(t, w.admin, 'PUT', `/api/v1/staff/${w.agent2.id}/routing`, {
      schedule: ALWAYS,
    });
    expect(always.body).toMatchObject({ schedule: ALWAYS, on_shift: true });
    const none = await call(t, w.admin, 'PUT', `/api/v1/staff/${w.agent.id}/routing`, { schedule: null });
    expect(none.body).toMatchObject({ schedule: null, on_shift: true });
    const overview = await call(t, w.manager, 'GET', '/api/v1/routing');
    const onShift = Object.fromEntries(
      overview.body.agents.map((a: { staff_id: string; on_shift: boolean }) => [a.staff_id, a.on_shift]),
    );
    expect([onShift[w.agent.id], onShift[w.agent2.id]]).toEqual([true, true]);
  });

  it.each([
    ['an unknown time zone', { time_zone: 'Mars/Olympus', weekly: [] }],
    ['an hour past 23', { time_zone: 'UTC', weekly: [{ day: 1, start: '09:00', end: '24:00' }] }],
    ['a weekday past Saturday', { time_zone: 'UTC', weekly: [{ day: 7, start: '09:00', end: '17:00' }] }],
  ])('refuses a schedule with %s, and keeps the old one', async (_name, schedule) => {
    const w = await makeWorkspace(t);
    await call(t, w.admin, 'PUT', `/api/v1/staff/${w.agent.id}/routing`, { schedule: ALWAYS });
    const res = await call(t, w.admin, 'PUT', `/api/v1/staff/${w.agent.id}/routing`, {
      schedule,
      capacity: 2,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid', reason: 'validation_failed' });
    const row = await t.deps.db
      .selectFrom('agent_routing')
      .select(['capacity', 'shift_time_zone'])
      .where('staff_id', '=', w.agent.id)
      .executeTakeFirst();
    expect(row).toEqual({ capacity: null, shift_time_zone: 'America/New_York' });
  });

  it('only admins of the workspace set a schedule', async () => {
    const w = await makeWorkspace(t);
    const other = await makeWorkspace(t);
    const body = { schedule: NEVER };
    expect((await call(t, w.agent, 'PUT', `/api/v1/staff/${w.agent.id}/routing`, body)).status).toBe(403);
    expect((await call(t, other.admin, 'PUT', `/api/v1/staff/${w.agent.id}/routing`, body)).status).toBe(404);
    const overview = await call(t, other.manager, 'GET', '/api/v1/routing');
    expect(overview.body.agents.map((a: { staff_id: string }) => a.staff_id)).not.toContain(w.agent.id);
    const row = await t.deps.db
      .selectFrom('agent_routing')
      .select('schedule')
      .where('staff_id', '=', w.agent.id)
      .executeTakeFirst();
    expect(row?.schedule ?? null).toBeNull();
  });
});

describe('skills from rules', () => {
  it('a team rule turns the customer’s language into a required skill, and the routing names it', async () => {
    const w = await routingWorld(t, 'load_balanced', 10);
    const rules = [{ when: 'language', value: 'ES', skill: 'Spanish' }];
    const put = await call(t, w.admin, 'PUT', `/api/v1/teams/${w.team.id}/routing`, {
      mode: 'load_balanced',
      skill_rules: rules,
    });
    expect(put.status).toBe(200);
    expect(put.body.skill_rules).toEqual([{ when: 'language', value: 'es', skill: 'spanish' }]);
    await call(t, w.admin, 'PUT', `/api/v1/staff/${w.agent2.id}/routing`, { skills: ['spanish'] });
    const lucia = await call(t, w.agent, 'POST', '/api/v1/customers', {
      name: 'Lucía Romero',
      email: `lucia.${w.ws.id.slice(0, 8)}@example.test`,
      language: 'es-MX',
    });
    expect(lucia.status).toBe(201);
    const ids = await openCases(t, w, 2, { customer_id: lucia.body.id });
    for (const id of ids) await routeCase(t.deps, w.ws.id, id);
    for (const id of ids) expect((await assignees(t, w)).get(id)).toBe(w.agent2.id);
    const view = await call(t, w.agent, 'GET', `/api/v1/cases/${ids[1]}`);
    const routed = view.body.timeline.find((e: { type: string }) => e.type === 'case.routed');
    expect(routed.data.explanation).toContain('among agents with spanish (customer language es)');

    // Alice writes in English: no skill needed, least load wins.
    const [plain] = await openCases(t, w, 1);
    await routeCase(t.deps, w.ws.id, plain!);
    expect((await assignees(t, w)).get(plain!)).toBe(w.agent.id);
  });

  it('refuses a rule that is not a tag or a language', async () => {
    const w = await makeWorkspace(t);
    const res = await call(t, w.admin, 'PUT', `/api/v1/teams/${w.team.id}/routing`, {
      mode: 'round_robin',
      skill_rules: [{ when: 'mood', value: 'angry', skill: 'calm' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe('validation_failed');
    expect((await call(t, w.admin, 'GET', `/api/v1/teams/${w.team.id}/routing`)).body).toMatchObject({
      mode: 'manual',
      skill_rules: [],
    });
  });
});
