import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call } from '../../../test/factories.ts';
import { drainTeam, sweepWaiting } from './index.ts';
import {
  assignees,
  loads,
  openCases,
  routedEvents,
  routingWorld,
  runRoutingJobs,
  setAvailability,
} from './routing.fixtures.ts';

let t: TestContext;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const PRIORITIES = ['low', 'normal', 'urgent', 'high', 'normal'] as const;

describe('cases waiting for an agent', () => {
  it('wait while nobody is online, then reach agents as they come online, most urgent first', async () => {
    const w = await routingWorld(t, 'load_balanced', 3, 'none');
    const ids = await openCases(t, w, 5, (i) => ({ priority: PRIORITIES[i] }));
    await runRoutingJobs(t);
    expect([...(await assignees(t, w)).values()]).toEqual([null, null, null, null, null]);
    const misses = await routedEvents(t, w);
    expect(misses).toHaveLength(5);
    expect(misses.every((e) => e.explanation.includes('nobody in the team is online'))).toBe(true);

    // Going online queues a drain of the agent's team: they get up to their capacity.
    await setAvailability(t, w.agent, 'online');
    await runRoutingJobs(t);
    let now = await assignees(t, w);
    expect(loads(now).get(w.agent.id)).toBe(3);
    // Urgent, high, then the older of the normal ones; the low one waits.
    expect([ids[2], ids[3], ids[1]].map((id) => now.get(id!))).toEqual([w.agent.id, w.agent.id, w.agent.id]);
    expect([ids[0], ids[4]].map((id) => now.get(id!))).toEqual([null, null]);

    // A second agent online takes what is left.
    await setAvailability(t, w.agent2, 'online');
    await runRoutingJobs(t);
    now = await assignees(t, w);
    expect(loads(now).get(w.agent2.id)).toBe(2);
    // Drains that found nobody did not add "left unassigned" noise to the timelines.
    const events = await routedEvents(t, w);
    expect(events.filter((e) => e.assignee_id === null)).toHaveLength(5);
    expect(events.filter((e) => e.assignee_id !== null)).toHaveLength(5);
  });

  it('a solved case frees room, and a waiting case takes it', async () => {
    const w = await routingWorld(t, 'load_balanced', 2, 'first');
    const ids = await openCases(t, w, 3);
    await runRoutingJobs(t);
    const before = await assignees(t, w);
    expect(loads(before).get(w.agent.id)).toBe(2);
    const waiting = ids.find((id) => before.get(id) === null)!;
    const mine = ids.find((id) => before.get(id) === w.agent.id)!;

    const solved = await call(t, w.agent, 'PATCH', `/api/v1/cases/${mine}`, { status: 'solved' });
    expect(solved.status).toBe(200);
    await runRoutingJobs(t);
    expect((await assignees(t, w)).get(waiting)).toBe(w.agent.id);
  });

  it('two drains racing never overfill an agent or assign a case twice', async () => {
    const w = await routingWorld(t, 'load_balanced', 3, 'none');
    await openCases(t, w, 10, (i) => ({ priority: i % 2 ? 'high' : 'normal' }));
    // Online without running the queued drains: the two below race instead.
    await setAvailability(t, w.agent, 'online');
    await setAvailability(t, w.agent2, 'online');
    const [a, b] = await Promise.all([
      drainTeam(t.deps, w.ws.id, w.team.id),
      drainTeam(t.deps, w.ws.id, w.team.id),
    ]);
    expect(a + b).toBe(6);
    const per = loads(await assignees(t, w));
    expect([per.get(w.agent.id), per.get(w.agent2.id)]).toEqual([3, 3]);
    const assigned = (await routedEvents(t, w)).filter((e) => e.assignee_id !== null);
    expect(assigned).toHaveLength(6);
    expect(new Set(assigned.map((e) => e.case_id)).size).toBe(6);
  });

  it('the sweep finds an agent whose shift has started', async () => {
    const w = await routingWorld(t, 'round_robin', 5, 'first');
    const off = await call(t, w.admin, 'PUT', `/api/v1/staff/${w.agent.id}/routing`, {
      schedule: { time_zone: 'Europe/London', weekly: [] },
    });
    expect(off.body).toMatchObject({ on_shift: false });
    const [id] = await openCases(t, w, 1);
    await runRoutingJobs(t);
    expect((await assignees(t, w)).get(id!)).toBeNull();

    // The clock reaches their shift: here, the schedule is widened behind routing's back.
    const always = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '00:00' }));
    await t.deps.db
      .updateTable('agent_routing')
      .set({ schedule: JSON.stringify(always) })
      .where('staff_id', '=', w.agent.id)
      .execute();
    expect(await sweepWaiting(t.deps)).toBeGreaterThanOrEqual(1);
    await runRoutingJobs(t);
    expect((await assignees(t, w)).get(id!)).toBe(w.agent.id);
  });

  it('a drain of another workspace’s team does nothing', async () => {
    const w = await routingWorld(t, 'load_balanced', 3);
    const other = await routingWorld(t, 'load_balanced', 3, 'none');
    await openCases(t, other, 1);
    expect(await drainTeam(t.deps, w.ws.id, other.team.id)).toBe(0);
  });
});
