import { Logger, runOnce } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import { fixedClock } from '../../infra/clock.ts';
import { jobs } from '../../jobs.ts';

const clock = fixedClock(new Date('2026-03-10T09:00:00Z'));
let t: TestContext;
let w: World;
const ids: Record<string, string> = {};

type Row = {
  id: string;
  number: number;
  subject: string;
  sla_next: { due_at: string | null; state: string } | null;
};

const recompute = () =>
  runOnce({
    pgPool: t.deps.pool,
    taskList: { 'sla.recompute': jobs(t.deps)['sla.recompute']! },
    logger: new Logger(() => () => {}),
  });

async function open(subject: string, at: string, extra: Record<string, unknown> = {}) {
  clock.set(new Date(at));
  const res = await call(t, w.agent, 'POST', '/api/v1/cases', {
    subject,
    body: 'Help',
    customer_id: w.alice.id,
    ...extra,
  });
  expect(res.status).toBe(201);
  ids[subject] = res.body.id;
  return res.body.id as string;
}

async function walk(query: string, limit: number) {
  const seen: Row[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const url: string = `/api/v1/cases?sort=due&limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await call(t, w.agent, 'GET', url);
    expect(res.status).toBe(200);
    seen.push(...res.body.items);
    cursor = res.body.next_cursor;
    if (!cursor) return seen;
  }
  throw new Error('The pages never ended');
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  w = await makeWorkspace(t);
  // Wall-clock targets, so that due times are plain arithmetic: urgent 1 h, normal 8 h; low has none.
  for (const [priority, hours] of [
    ['urgent', 1],
    ['normal', 8],
  ] as const) {
    const res = await call(t, w.admin, 'POST', '/api/v1/sla/policies', {
      name: priority,
      conditions: { '==': [{ var: 'priority' }, priority] },
      targets: {
        first_response: { minutes: hours * 60, business: false },
        resolution: { minutes: hours * 600, business: false },
      },
    });
    expect(res.status).toBe(201);
  }
  await open('normal early', '2026-03-10T08:00:00Z'); // first response due 16:00
  await open('urgent late', '2026-03-10T12:00:00Z', { priority: 'urgent' }); // due 13:00
  await open('tie a', '2026-03-10T09:00:00Z'); // due 17:00
  await open('tie b', '2026-03-10T09:00:00Z'); // due 17:00, same instant
  await open('urgent overdue', '2026-03-10T07:00:00Z', { priority: 'urgent' }); // due 08:00
  await open('low, no policy', '2026-03-10T07:30:00Z', { priority: 'low' });
  const paused = await open('paused', '2026-03-10T07:45:00Z');
  const replied = await open('replied', '2026-03-10T06:00:00Z'); // first response met; resolution due 80 h later, 13 March 14:00
  const solved = await open('solved', '2026-03-10T06:30:00Z');
  clock.set(new Date('2026-03-10T12:30:00Z'));
  await call(t, w.agent, 'PATCH', `/api/v1/cases/${paused}`, { status: 'pending' });
  await call(t, w.agent, 'POST', `/api/v1/cases/${replied}/messages`, {
    body: 'Hello',
    visibility: 'public',
  });
  await call(t, w.agent, 'PATCH', `/api/v1/cases/${solved}`, { status: 'solved' });
  await recompute();
});
afterAll(() => t.close());

describe('queues sorted by due soonest', () => {
  it('puts the soonest running due time first, ties by id, and cases without one after by number', async () => {
    const all = await walk('', 100);
    const tie = [ids['tie a'], ids['tie b']].sort();
    const withoutDue = ['low, no policy', 'paused', 'solved']
      .map((s) => all.find((c) => c.id === ids[s]) as Row)
      .sort((a, b) => a.number - b.number)
      .map((c) => c.id);
    expect(all.map((c) => c.id)).toEqual([
      ids['urgent overdue'],
      ids['urgent late'],
      ids['normal early'],
      ...tie,
      ids.replied,
      ...withoutDue,
    ]);
    expect(all[0]?.sla_next?.due_at).toBe('2026-03-10T08:00:00.000Z');
    expect(all.find((c) => c.id === ids.replied)?.sla_next?.due_at).toBe('2026-03-13T14:00:00.000Z');
  });

  it('pages through the same order one or two at a time, across the tie and into cases without due', async () => {
    const all = (await walk('', 100)).map((c) => c.id);
    expect((await walk('', 1)).map((c) => c.id)).toEqual(all);
    expect((await walk('', 2)).map((c) => c.id)).toEqual(all);
    expect((await walk('', 5)).map((c) => c.id)).toEqual(all);
  });

  it('keeps the other filters', async () => {
    const active = await walk('&status=new,open', 2);
    expect(active.map((c) => c.subject)).toEqual([
      'urgent overdue',
      'urgent late',
      'normal early',
      ...(ids['tie a']! < ids['tie b']! ? ['tie a', 'tie b'] : ['tie b', 'tie a']),
      'replied',
      'low, no policy',
    ]);
    const urgent = await walk('&priority=urgent', 10);
    expect(urgent.map((c) => c.subject)).toEqual(['urgent overdue', 'urgent late']);
  });

  it('refuses cursors of another order, made-up cursors, and customers', async () => {
    const byUpdate = await call(t, w.agent, 'GET', '/api/v1/cases?limit=1');
    const mixed = await call(t, w.agent, 'GET', `/api/v1/cases?sort=due&cursor=${byUpdate.body.next_cursor}`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.reason).toBe('invalid_cursor');
    const due = await call(t, w.agent, 'GET', '/api/v1/cases?sort=due&limit=1');
    const back = await call(t, w.agent, 'GET', `/api/v1/cases?cursor=${due.body.next_cursor}`);
    expect(back.body.reason).toBe('invalid_cursor');
    const made = Buffer.from(JSON.stringify(['due', 'soon', 'x', 1])).toString('base64url');
    expect((await call(t, w.agent, 'GET', `/api/v1/cases?sort=due&cursor=${made}`)).body.reason).toBe(
      'invalid_cursor',
    );
    const customer = await call(t, w.alice, 'GET', '/api/v1/cases?sort=due');
    expect(customer.status).toBe(400);
    expect(customer.body.reason).toBe('invalid_sort');
  });

  it('shows another workspace none of these cases', async () => {
    const other = await makeWorkspace(t);
    const res = await call(t, other.agent, 'GET', '/api/v1/cases?sort=due');
    expect(res.body.items).toEqual([]);
  });
});
