import { Logger, runOnce } from 'graphile-worker';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import { fixedClock } from '../../infra/clock.ts';
import { jobs } from '../../jobs.ts';
import { RECOMPUTE_BATCH } from './index.ts';

// Tuesday 10 March 2026, 09:00 in London.
const clock = fixedClock(new Date('2026-03-10T09:00:00Z'));
let t: TestContext;
let w: World;

const HOUR = 60;
const policy = (over: Record<string, unknown> = {}) => ({
  name: 'Normal priority',
  conditions: { '==': [{ var: 'priority' }, 'normal'] },
  targets: {
    first_response: { minutes: 8 * HOUR, business: true },
    resolution: { minutes: 40 * HOUR, business: true },
  },
  ...over,
});

/** Runs the SLA jobs that are due: per-case recomputes and passes over open cases. */
const runSlaJobs = () => {
  const all = jobs(t.deps);
  return runOnce({
    pgPool: t.deps.pool,
    taskList: { 'sla.recompute': all['sla.recompute']!, 'sla.recompute_open': all['sla.recompute_open']! },
    logger: new Logger(() => () => {}),
  });
};

async function firstResponseDue(caseId: string) {
  const res = await call(t, w.agent, 'GET', `/api/v1/cases/${caseId}`);
  return res.body.sla.find((s: { target: string }) => s.target === 'first_response')?.due_at ?? null;
}

const typesOf = async (workspaceId: string) =>
  (
    await t.deps.db
      .selectFrom('events')
      .select('type')
      .where('workspace_id', '=', workspaceId)
      .where('type', 'like', 'sla_policy.%')
      .orderBy('id')
      .execute()
  ).map((e) => e.type);

beforeAll(async () => {
  t = await startTestApp({ clock });
  w = await makeWorkspace(t);
  const cal = await call(t, w.admin, 'PUT', '/api/v1/sla/calendars/workspace', {
    name: 'Office hours',
    time_zone: 'Europe/London',
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' })),
    holiday_country: 'GB',
    holiday_region: 'ENG',
    closures: [],
  });
  expect(cal.status).toBe(200);
});
afterAll(() => t.close());

describe('SLA policies', () => {
  it('creates, lists in order, updates, reorders and deletes', async () => {
    const normal = await call(t, w.manager, 'POST', '/api/v1/sla/policies', policy());
    expect(normal.status).toBe(201);
    expect(normal.body.policy).toMatchObject({
      position: 0,
      pause_statuses: ['pending', 'on_hold'],
      warn_before_minutes: 60,
      active: true,
    });
    const urgent = await call(
      t,
      w.admin,
      'POST',
      '/api/v1/sla/policies',
      policy({
        name: 'Urgent or VIP',
        conditions: {
          or: [{ in: [{ var: 'priority' }, ['urgent', 'high']] }, { in: ['vip', { var: 'tags' }] }],
        },
        pause_statuses: ['on_hold'],
      }),
    );
    expect(urgent.status).toBe(201);
    expect(urgent.body.policy.position).toBe(1);

    const edited = await call(
      t,
      w.admin,
      'PUT',
      `/api/v1/sla/policies/${normal.body.policy.id}`,
      policy({ warn_before_minutes: 15, raise_priority_on_breach: true }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body.policy).toMatchObject({ warn_before_minutes: 15, raise_priority_on_breach: true });

    const ids = [urgent.body.policy.id, normal.body.policy.id];
    const order = await call(t, w.admin, 'PUT', '/api/v1/sla/policies/order', { ids });
    expect(order.status).toBe(200);
    const list = await call(t, w.supervisor, 'GET', '/api/v1/sla/policies');
    expect(list.body.items.map((p: { id: string; position: number }) => [p.id, p.position])).toEqual([
      [ids[0], 0],
      [ids[1], 1],
    ]);

    const partial = await call(t, w.admin, 'PUT', '/api/v1/sla/policies/order', { ids: [ids[0]] });
    expect(partial.body.reason).toBe('policy_order_mismatch');

    expect((await call(t, w.admin, 'DELETE', `/api/v1/sla/policies/${ids[0]}`)).status).toBe(200);
    const after = await call(t, w.supervisor, 'GET', '/api/v1/sla/policies');
    expect(after.body.items.map((p: { id: string; position: number }) => [p.id, p.position])).toEqual([
      [ids[1], 0],
    ]);
    expect(await typesOf(w.ws.id)).toEqual([
      'sla_policy.created',
      'sla_policy.created',
      'sla_policy.updated',
      'sla_policy.reordered',
      'sla_policy.deleted',
    ]);
  });

  it.each([
    [{ conditions: { '==': [{ var: 'customer.vip' }, true] } }, 'invalid_condition'],
    [{ conditions: { method: [{ var: 'tags' }, 'pop'] } }, 'invalid_condition'],
    [{ conditions: { '==': [1, 1], '!=': [1, 2] } }, 'invalid_condition'],
    [{ pause_statuses: ['solved'] }, 'invalid_pause_status'],
    [{ pause_statuses: ['sleeping'] }, 'validation_failed'],
    [{ targets: {} }, 'validation_failed'],
    [{ targets: { resolution: { minutes: 0, business: true } } }, 'validation_failed'],
    [{ name: '  ' }, 'validation_failed'],
  ])('refuses %j as %s and leaves no trace', async (patch, reason) => {
    const before = await call(t, w.admin, 'GET', '/api/v1/sla/policies');
    const events = await typesOf(w.ws.id);
    const res = await call(t, w.admin, 'POST', '/api/v1/sla/policies', policy(patch));
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe(reason);
    expect((await call(t, w.admin, 'GET', '/api/v1/sla/policies')).body).toEqual(before.body);
    expect(await typesOf(w.ws.id)).toEqual(events);
  });

  it('lets supervisors read, managers write, and agents neither', async () => {
    expect((await call(t, w.agent, 'GET', '/api/v1/sla/policies')).status).toBe(403);
    expect((await call(t, w.supervisor, 'GET', '/api/v1/sla/policies')).status).toBe(200);
    const sup = await call(t, w.supervisor, 'POST', '/api/v1/sla/policies', policy());
    expect(sup.status).toBe(403);
    expect(sup.body.reason).toBe('role_required');
  });

  it('keeps one workspace out of another’s policies (404)', async () => {
    const mine = await call(t, w.admin, 'POST', '/api/v1/sla/policies', policy({ name: 'Mine' }));
    const other = await makeWorkspace(t);
    const id = mine.body.policy.id;
    expect((await call(t, other.admin, 'PUT', `/api/v1/sla/policies/${id}`, policy())).status).toBe(404);
    expect((await call(t, other.admin, 'DELETE', `/api/v1/sla/policies/${id}`)).status).toBe(404);
    expect((await call(t, other.admin, 'GET', '/api/v1/sla/policies')).body.items).toEqual([]);
    const steal = await call(t, other.admin, 'PUT', '/api/v1/sla/policies/order', { ids: [id] });
    expect(steal.status).toBe(400);
    const still = await call(t, w.admin, 'GET', '/api/v1/sla/policies');
    expect(still.body.items.find((p: { id: string }) => p.id === id)).toMatchObject({ name: 'Mine' });
  });
});

describe('a change reaches open cases through the recompute job', () => {
  it('moves an open case’s due time after a policy change, and again after a calendar change', async () => {
    const ws = await makeWorkspace(t);
    w = ws;
    await call(t, w.admin, 'PUT', '/api/v1/sla/calendars/workspace', {
      name: 'Office hours',
      time_zone: 'Europe/London',
      weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' })),
      holiday_country: null,
      holiday_region: null,
      closures: [],
    });
    const created = await call(t, w.admin, 'POST', '/api/v1/sla/policies', policy());
    clock.set(new Date('2026-03-10T09:00:00Z'));
    const opened = await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Zip stuck', body: 'Help' });
    const solved = await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Done', body: 'Thanks' });
    await runSlaJobs();
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${solved.body.id}`, { status: 'solved' });
    await runSlaJobs();
    expect(await firstResponseDue(opened.body.id)).toBe('2026-03-10T17:00:00.000Z');

    // Two wall-clock hours instead of eight business hours.
    const edit = await call(
      t,
      w.manager,
      'PUT',
      `/api/v1/sla/policies/${created.body.policy.id}`,
      policy({ targets: { first_response: { minutes: 2 * HOUR, business: false } } }),
    );
    expect(edit.status).toBe(200);
    expect(edit.body.recompute).toEqual({ open_cases: 1 });
    // Not in the request: the due time moves when the job runs.
    expect(await firstResponseDue(opened.body.id)).toBe('2026-03-10T17:00:00.000Z');
    await runSlaJobs();
    expect(await firstResponseDue(opened.body.id)).toBe('2026-03-10T11:00:00.000Z');
    const solvedView = await call(t, w.agent, 'GET', `/api/v1/cases/${solved.body.id}`);
    expect(solvedView.body.sla.map((s: { target: string }) => s.target)).toEqual([
      'first_response',
      'resolution',
    ]);

    // Back to business hours, and the desk opens only at noon on Tuesdays now.
    await call(t, w.manager, 'PUT', `/api/v1/sla/policies/${created.body.policy.id}`, policy());
    const cal = await call(t, w.manager, 'PUT', '/api/v1/sla/calendars/workspace', {
      name: 'Afternoons',
      time_zone: 'Europe/London',
      weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '12:00', end: '18:00' })),
      holiday_country: null,
      holiday_region: null,
      closures: [],
    });
    expect(cal.body.recompute).toEqual({ open_cases: 1 });
    await runSlaJobs();
    // 6 hours on Tuesday afternoon, 2 more from Wednesday noon.
    expect(await firstResponseDue(opened.body.id)).toBe('2026-03-11T14:00:00.000Z');
  });

  it('walks every open case in batches, each batch queueing the next', async () => {
    const big = await makeWorkspace(t);
    const n = RECOMPUTE_BATCH + 3;
    // Cases straight into the table: the point is the number, not how they came.
    await sql`insert into cases (workspace_id, number, subject, channel, customer_id, created_at, updated_at)
      select ${big.ws.id}::uuid, take_case_number(${big.ws.id}::uuid), 'Case ' || i, 'email', ${big.alice.id}::uuid, ${clock.now()}, ${clock.now()}
      from generate_series(1, ${n}) i`.execute(t.deps.db);
    const res = await call(t, big.admin, 'POST', '/api/v1/sla/policies', policy({ conditions: true }));
    expect(res.body.recompute).toEqual({ open_cases: n });
    await runSlaJobs();
    const rows = await t.deps.db
      .selectFrom('case_sla')
      .select((eb) => eb.fn.count<number>('case_id').distinct().as('cases'))
      .where('workspace_id', '=', big.ws.id)
      .executeTakeFirstOrThrow();
    expect(Number(rows.cases)).toBe(n);
  });
});
