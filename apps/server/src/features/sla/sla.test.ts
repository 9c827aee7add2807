import { Logger, runOnce } from 'graphile-worker';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, eventTypesOf, makeWorkspace, type World } from '../../../test/factories.ts';
import { fixedClock } from '../../infra/clock.ts';
import { jobs } from '../../jobs.ts';
import { fireSlaTimers, seedDemoSla, sweepSla } from './index.ts';

// Tuesday 10 March 2026, 09:00 in London (GMT until the 29th).
const clock = fixedClock(new Date('2026-03-10T09:00:00Z'));
let t: TestContext;
let w: World;

const recompute = () =>
  runOnce({
    pgPool: t.deps.pool,
    taskList: { 'sla.recompute': jobs(t.deps)['sla.recompute']! },
    logger: new Logger(() => () => {}),
  });

async function slaOf(caseId: string) {
  await recompute();
  const res = await call(t, w.agent, 'GET', `/api/v1/cases/${caseId}`);
  expect(res.status).toBe(200);
  return Object.fromEntries(
    (res.body.sla as { target: string; due_at: string | null; state: string }[]).map((s) => [s.target, s]),
  );
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  w = await makeWorkspace(t);
  await seedDemoSla(t.deps, w.ws.id);
});
afterAll(() => t.close());

describe('a case walks through reply, pending, reopen and breach', () => {
  it('runs its targets on business hours', async () => {
    const opened = await call(t, w.alice, 'POST', '/api/v1/cases', {
      subject: 'Tent pole snapped',
      body: 'Help',
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;

    let sla = await slaOf(id);
    // normal: first response 8 business hours, resolution 40.
    expect(sla.first_response).toMatchObject({ due_at: '2026-03-10T17:00:00.000Z', state: 'on_track' });
    expect(sla.resolution).toMatchObject({ due_at: '2026-03-16T09:00:00.000Z', state: 'on_track' });
    expect(sla.next_response).toBeUndefined();

    clock.set(new Date('2026-03-10T10:00:00Z'));
    await call(t, w.agent, 'POST', `/api/v1/cases/${id}/messages`, { body: 'On it', visibility: 'public' });
    clock.set(new Date('2026-03-10T11:00:00Z'));
    expect((await call(t, w.agent, 'PATCH', `/api/v1/cases/${id}`, { status: 'pending' })).status).toBe(200);
    sla = await slaOf(id);
    expect(sla.first_response?.state).toBe('met');
    expect(sla.resolution).toMatchObject({ due_at: null, state: 'paused' });

    // The customer writes back the next morning: the case reopens and both clocks run.
    clock.set(new Date('2026-03-11T09:00:00Z'));
    await call(t, w.alice, 'POST', `/api/v1/cases/${id}/messages`, {
      body: 'Still broken',
      visibility: 'public',
    });
    sla = await slaOf(id);
    expect(sla.next_response).toMatchObject({ due_at: '2026-03-11T17:00:00.000Z', state: 'on_track' });
    // 2 of 40 hours were used on Tuesday; 38 remain from Wednesday 09:00.
    expect(sla.resolution).toMatchObject({ due_at: '2026-03-16T17:00:00.000Z', state: 'on_track' });

    clock.set(new Date('2026-03-11T16:40:00Z'));
    await fireSlaTimers(t.deps, w.ws.id, id);
    expect((await slaOf(id)).next_response?.state).toBe('at_risk');
    expect(await eventTypesOf(t, w.ws.id, 'sla.')).toEqual(['sla.warning']);

    clock.set(new Date('2026-03-11T17:01:00Z'));
    expect(await sweepSla(t.deps)).toBeGreaterThanOrEqual(1);
    expect((await slaOf(id)).next_response?.state).toBe('breached');
    await fireSlaTimers(t.deps, w.ws.id, id); // again: nothing new is recorded
    expect(await eventTypesOf(t, w.ws.id, 'sla.')).toEqual(['sla.warning', 'sla.breached']);
    const view = await call(t, w.agent, 'GET', `/api/v1/cases/${id}`);
    const breach = view.body.timeline.find((e: { type: string }) => e.type === 'sla.breached');
    expect(breach.data).toMatchObject({ target: 'next_response', due_at: '2026-03-11T17:00:00.000Z' });

    // The reply meets the next response late; solving meets the resolution.
    clock.set(new Date('2026-03-11T17:30:00Z'));
    await call(t, w.agent, 'POST', `/api/v1/cases/${id}/messages`, {
      body: 'New pole sent',
      visibility: 'public',
    });
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${id}`, { status: 'solved' });
    sla = await slaOf(id);
    expect(sla.next_response?.state).toBe('met');
    expect(sla.resolution?.state).toBe('met');

    // Customers do not see the targets.
    expect((await call(t, w.alice, 'GET', `/api/v1/cases/${id}`)).body.sla).toEqual([]);
  });

  it('urgent cases get an hour, and another workspace sees nothing of them', async () => {
    clock.set(new Date('2026-03-13T17:30:00Z')); // Friday, half an hour before closing
    const opened = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 'Injury on a trail',
      body: 'Urgent',
      priority: 'urgent',
      customer_id: w.bob.id,
    });
    const sla = await slaOf(opened.body.id);
    expect(sla.first_response?.due_at).toBe('2026-03-16T08:30:00.000Z');
    const other = await makeWorkspace(t);
    expect((await call(t, other.agent, 'GET', `/api/v1/cases/${opened.body.id}`)).status).toBe(404);
  });
});

describe('a recompute reads the case’s own calendar', () => {
  it('runs a team’s case on the team’s hours and closures, and another case on the workspace’s', async () => {
    const v = await makeWorkspace(t);
    await seedDemoSla(t.deps, v.ws.id);
    // Tuesday to Thursday, 12:00–14:00 in London, closed on Wednesday 11 March.
    const team = await call(t, v.admin, 'PUT', `/api/v1/sla/calendars/${v.team.id}`, {
      name: 'Lunch desk',
      time_zone: 'Europe/London',
      weekly: [2, 3, 4].map((day) => ({ day, start: '12:00', end: '14:00' })),
      holiday_country: null,
      holiday_region: null,
      closures: ['2026-03-11'],
    });
    expect(team.status).toBe(200);
    clock.set(new Date('2026-03-10T09:00:00Z'));
    const open = async (team_id?: string) => {
      const res = await call(t, v.agent, 'POST', '/api/v1/cases', {
        customer_id: v.alice.id,
        subject: 'Lamp',
        body: 'Dim',
        ...(team_id ? { team_id } : {}),
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const [teamCase, plainCase] = [await open(v.team.id), await open()];
    await recompute();
    const firstResponse = async (id: string) =>
      (await call(t, v.agent, 'GET', `/api/v1/cases/${id}`)).body.sla.find(
        (s: { target: string }) => s.target === 'first_response',
      );
    // 8 business hours of 2 a day: Tuesday 10, (Wednesday closed), Thursday 12, Tuesday 17, Wednesday 18.
    expect(await firstResponse(teamCase)).toMatchObject({ due_at: '2026-03-18T14:00:00.000Z' });
    // The workspace's calendar, as in the walk-through above.
    expect(await firstResponse(plainCase)).toMatchObject({ due_at: '2026-03-10T17:00:00.000Z' });
  });
});

describe('a recompute moves the timers with the targets', () => {
  /** A case opened at 09:00 on a desk of its own with the demo's service levels. */
  const openOnDemoDesk = async (subject: string) => {
    const v = await makeWorkspace(t);
    await seedDemoSla(t.deps, v.ws.id);
    clock.set(new Date('2026-03-10T09:00:00Z'));
    const opened = await call(t, v.agent, 'POST', '/api/v1/cases', {
      customer_id: v.alice.id,
      subject,
      body: 'Help',
    });
    return { v, id: opened.body.id as string };
  };
  /** Each target's stored row beside its timer job (graphile-worker's job view, by job key). */
  const timersOf = async (id: string) =>
    (
      await sql<{ target: string; warn_at: Date; due_at: Date; updated_at: Date; run_at: Date | null }>`
        select s.target, s.warn_at, s.due_at, s.updated_at, j.run_at from case_sla s
        left join graphile_worker.jobs j on j.key = 'sla:' || s.case_id || ':' || s.target
        where s.case_id = ${id} order by s.target`.execute(t.deps.db)
    ).rows;

  it('sets a timer per target, leaves both alone when nothing changed, and drops a met target’s', async () => {
    const { v, id } = await openOnDemoDesk('Stove leaks');
    const state = async () => {
      await recompute();
      return timersOf(id);
    };
    const first = await state();
    expect(first.map((r) => r.target)).toEqual(['first_response', 'resolution']);
    // The warnings come first; each timer is at its target's.
    for (const r of first) expect(r.run_at).toEqual(r.warn_at);

    // A tag changes no target: the rows are not rewritten and the timers stay.
    clock.set(new Date('2026-03-10T09:30:00Z'));
    const tagged = await call(t, v.agent, 'PATCH', `/api/v1/cases/${id}`, { tags: ['gas'] });
    expect(tagged.status).toBe(200);
    expect(await state()).toEqual(first);

    // A staff reply meets the first response: its timer goes; the resolution's stays.
    clock.set(new Date('2026-03-10T10:00:00Z'));
    await call(t, v.agent, 'POST', `/api/v1/cases/${id}/messages`, {
      body: 'Turn it off',
      visibility: 'public',
    });
    const replied = await state();
    expect(replied.map((r) => [r.target, r.run_at === null])).toEqual([
      ['first_response', true],
      ['resolution', false],
    ]);
    expect(replied[0]!.updated_at).toEqual(new Date('2026-03-10T10:00:00Z'));
    expect(replied[1]!.run_at).toEqual(first[1]!.run_at);
  });

  it('moves a fired warning’s timer on to the breach, and leaves the other target’s', async () => {
    const { v, id } = await openOnDemoDesk('Lantern flickers');
    await recompute();
    const before = await timersOf(id);
    const first = before.find((r) => r.target === 'first_response')!;
    clock.set(new Date(first.warn_at.getTime() + 60_000));
    await fireSlaTimers(t.deps, v.ws.id, id);
    const after = await timersOf(id);
    expect(after.map((r) => [r.target, r.run_at])).toEqual([
      ['first_response', first.due_at],
      ['resolution', before.find((r) => r.target === 'resolution')!.run_at],
    ]);
    expect(await eventTypesOf(t, v.ws.id, 'sla.')).toEqual(['sla.warning']);
  });
});
