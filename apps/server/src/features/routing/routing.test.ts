import { Logger, runOnce } from 'graphile-worker';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import { jobs } from '../../jobs.ts';
import { routeCase } from './index.ts';

let t: TestContext;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function teamWorld(mode: 'round_robin' | 'load_balanced', capacity: number) {
  const w = await makeWorkspace(t);
  const put = await call(t, w.admin, 'PUT', `/api/v1/teams/${w.team.id}/routing`, {
    mode,
    default_capacity: capacity,
  });
  expect(put.status).toBe(200);
  expect(put.body).toMatchObject({ mode, default_capacity: capacity, difficult_window_hours: 24 });
  for (const a of [w.agent, w.agent2]) {
    expect((await call(t, a, 'PUT', '/api/v1/staff/me/availability', { status: 'online' })).status).toBe(200);
  }
  return w;
}

async function openCases(w: World, n: number, extra: Record<string, unknown> = {}) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: `Case ${i}`,
      body: 'Help',
      customer_id: w.alice.id,
      team_id: w.team.id,
      ...extra,
    });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  return ids;
}

const assignees = (w: World) =>
  t.deps.db.selectFrom('cases').select(['id', 'assignee_id']).where('workspace_id', '=', w.ws.id).execute();

describe('routing', () => {
  it('many cases at once never overfill an agent, and none is assigned twice', async () => {
    const w = await teamWorld('load_balanced', 3);
    const ids = await openCases(w, 10);
    // Every case routed twice over, all at once.
    await Promise.all([...ids, ...ids].map((id) => routeCase(t.deps, w.ws.id, id)));
    const rows = await assignees(w);
    const per = new Map<string, number>();
    for (const r of rows) if (r.assignee_id) per.set(r.assignee_id, (per.get(r.assignee_id) ?? 0) + 1);
    expect([...per.values()].sort()).toEqual([3, 3]);
    const assignments = await t.deps.db
      .selectFrom('events')
      .select(['case_id'])
      .where('workspace_id', '=', w.ws.id)
      .where('type', '=', 'case.routed')
      .where(sql<boolean>`data->>'assignee_id' is not null`)
      .execute();
    expect(assignments).toHaveLength(6);
    expect(new Set(assignments.map((a) => a.case_id)).size).toBe(6);
  });

  it('explains each choice on the timeline and shares difficult cases fairly', async () => {
    const w = await teamWorld('load_balanced', 10);
    const [first] = await openCases(w, 1, { tags: ['angry'] });
    await routeCase(t.deps, w.ws.id, first!);
    const [second] = await openCases(w, 1, { tags: ['angry'] });
    const routed = await routeCase(t.deps, w.ws.id, second!);
    const view = await call(t, w.agent, 'GET', `/api/v1/cases/${second}`);
    const firstOwner = (await call(t, w.agent, 'GET', `/api/v1/cases/${first}`)).body.assignee;
    expect(view.body.assignee.id).not.toBe(firstOwner.id);
    const event = view.body.timeline.find((e: { type: string }) => e.type === 'case.routed');
    expect(event.data.explanation).toBe(routed?.explanation);
    expect(event.data.explanation).toContain(`${firstOwner.name} had 1 difficult case today`);
  });

  it('prefers skilled agents, and leaves cases alone when nobody is online', async () => {
    const w = await teamWorld('round_robin', 10);
    const skills = await call(t, w.admin, 'PUT', `/api/v1/staff/${w.agent2.id}/routing`, {
      skills: ['Spanish'],
    });
    expect(skills.body).toMatchObject({ skills: ['spanish'], availability: 'online' });
    const ids = await openCases(w, 2, { tags: ['spanish'] });
    for (const id of ids) await routeCase(t.deps, w.ws.id, id);
    for (const r of await assignees(w)) expect(r.assignee_id).toBe(w.agent2.id);

    for (const a of [w.agent, w.agent2])
      await call(t, a, 'PUT', '/api/v1/staff/me/availability', { status: 'away' });
    expect((await call(t, w.agent, 'GET', '/api/v1/staff/me/availability')).body).toEqual({ status: 'away' });
    const [later] = await openCases(w, 1);
    expect(await routeCase(t.deps, w.ws.id, later!)).toMatchObject({ staff_id: null });
    const row = (await assignees(w)).find((r) => r.id === later);
    expect(row?.assignee_id).toBeNull();
  });

  it('the job routes a new case', async () => {
    const w = await teamWorld('round_robin', 10);
    const [id] = await openCases(w, 1);
    await runOnce({
      pgPool: t.deps.pool,
      taskList: { 'routing.assign': jobs(t.deps)['routing.assign']! },
      logger: new Logger(() => () => {}),
    });
    const row = (await assignees(w)).find((r) => r.id === id);
    expect([w.agent.id, w.agent2.id]).toContain(row?.assignee_id);
  });

  it('only admins set routing, and only in their own workspace', async () => {
    const w = await makeWorkspace(t);
    const other = await makeWorkspace(t);
    const body = { mode: 'round_robin' };
    expect((await call(t, w.agent, 'PUT', `/api/v1/teams/${w.team.id}/routing`, body)).status).toBe(403);
    expect((await call(t, other.admin, 'PUT', `/api/v1/teams/${w.team.id}/routing`, body)).status).toBe(404);
    expect(
      (await call(t, other.admin, 'PUT', `/api/v1/staff/${w.agent.id}/routing`, { capacity: 2 })).status,
    ).toBe(404);
    const overview = await call(t, w.manager, 'GET', '/api/v1/routing');
    expect(overview.status).toBe(200);
    expect(overview.body.teams.map((x: { team_id: string }) => x.team_id)).toEqual([w.team.id]);
  });
});
