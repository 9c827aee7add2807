import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import { fixedClock } from '../../infra/clock.ts';
import { workspaceCountersOf } from './counts.queries.ts';
import { solvedWindowStart } from './counts.service.ts';

const DAY = 24 * 3_600_000;
const START = new Date('2026-03-10T09:00:00Z');
const clock = fixedClock(START);
let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp({ clock });
  w = await makeWorkspace(t);
});
afterAll(() => t.close());

describe('the solved window', () => {
  it.each([
    ['mid-day', '2026-03-10T09:00:00Z', '2026-03-04'],
    ['the first instant of a day', '2026-03-10T00:00:00Z', '2026-03-04'],
    ['the last instant of a day', '2026-03-10T23:59:59.999Z', '2026-03-04'],
    ['across a month', '2026-03-03T12:00:00Z', '2026-02-25'],
    ['across a leap day', '2028-03-02T12:00:00Z', '2028-02-25'],
    ['across a year', '2027-01-02T01:00:00Z', '2026-12-27'],
  ])('starts 6 UTC days before today (%s)', (_, now, first) => {
    expect(solvedWindowStart(new Date(now))).toBe(first);
  });
});

const open = async (world: World) => {
  const res = await call(t, world.agent, 'POST', '/api/v1/cases', {
    subject: 's',
    body: 'b',
    customer_id: world.alice.id,
    team_id: world.team.id,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
};
const setStatus = async (world: World, id: string, status: string) => {
  const res = await call(t, world.agent, 'PATCH', `/api/v1/cases/${id}`, { status });
  expect(res.status).toBe(200);
};
const solvedRecently = async (world: World) => {
  const res = await call(t, world.agent, 'GET', '/api/v1/cases/counts');
  expect(res.status).toBe(200);
  return res.body.solved_recently as number;
};

/**
 * The same count read from the counters, not through the app: a bulk statement announces no change,
 * so the app's copy of the counts (infra/workspace-cache.ts) would know of it only after its keeping time.
 */
const solvedRecentlyKept = async (world: World) =>
  (await workspaceCountersOf(t.deps.db, world.ws.id, solvedWindowStart(clock.now()))).solved_recently;

/** The counters per day against a group-by over the workspace's solved cases. */
async function recount(workspaceId: string) {
  const { rows: truth } = await sql<{ day: string; n: number }>`
    select to_char(solved_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as n from cases
    where workspace_id = ${workspaceId} and status = 'solved' group by 1 order by 1`.execute(t.deps.db);
  const { rows: kept } = await sql<{ day: string; n: number }>`
    select to_char(day, 'YYYY-MM-DD') as day, sum(n)::int as n from case_solved_days
    where workspace_id = ${workspaceId} group by 1 having sum(n) <> 0 order by 1`.execute(t.deps.db);
  const { rows: direct } = await sql<{ n: number }>`
    select count(*)::int as n from cases where workspace_id = ${workspaceId} and status = 'solved'
      and solved_at >= ${solvedWindowStart(clock.now())}::date::timestamp at time zone 'UTC'`.execute(
    t.deps.db,
  );
  return { truth, kept, direct: direct[0]!.n };
}

describe('solved recently', () => {
  it('follows solve, reopen, close, a customer writing again and the passing days', async () => {
    clock.set(START);
    const [a, b, c, d] = [await open(w), await open(w), await open(w), await open(w)];
    const steps: [string, () => Promise<unknown>, number][] = [
      ['nothing solved yet', async () => {}, 0],
      ['a solved', () => setStatus(w, a, 'solved'), 1],
      ['b solved', () => setStatus(w, b, 'solved'), 2],
      ['b reopened', () => setStatus(w, b, 'open'), 1],
      ['b solved again', () => setStatus(w, b, 'solved'), 2],
      ['b closed', () => setStatus(w, b, 'closed'), 1],
      [
        'a moved to no team, unassigned',
        () => call(t, w.agent, 'PATCH', `/api/v1/cases/${a}`, { team_id: null, assignee_id: null }),
        1,
      ],
      ['c solved', () => setStatus(w, c, 'solved'), 2],
      [
        'the customer writes on c again',
        () => call(t, w.alice, 'POST', `/api/v1/cases/${c}/messages`, { body: 'Still broken' }),
        1,
      ],
      ['six days later, d solved', async () => clock.set(new Date(START.getTime() + 6 * DAY)), 1],
      ['', () => setStatus(w, d, 'solved'), 2],
      // a was solved on 03-10; the window starts on 03-10 until the end of 03-16.
      ['the last instant of its 7th day', async () => clock.set(new Date('2026-03-16T23:59:59.999Z')), 2],
      ['the next day', async () => clock.set(new Date('2026-03-17T00:00:00Z')), 1],
      ['c solved now', () => setStatus(w, c, 'solved'), 2],
      ['a reopened (out of the window)', () => setStatus(w, a, 'open'), 2],
      ['a solved today', () => setStatus(w, a, 'solved'), 3],
      // (before the sessions, made on 03-10 09:00, expire after 14 days)
      ['a week later', async () => clock.set(new Date('2026-03-24T00:00:00Z')), 0],
    ];
    for (const [step, act, expected] of steps) {
      await act();
      expect({ step, n: await solvedRecently(w) }).toEqual({ step, n: expected });
      const { truth, kept, direct } = await recount(w.ws.id);
      expect(kept).toEqual(truth);
      expect(direct).toBe(expected);
    }
  });

  it('equals a direct count after a mix of concurrent changes, and counts bulk inserts and deletes', async () => {
    clock.set(START);
    const world = await makeWorkspace(t);
    const ids = await Promise.all(Array.from({ length: 12 }, () => open(world)));
    await Promise.all(ids.map((id) => setStatus(world, id, 'solved')));
    clock.set(new Date(START.getTime() + 2 * DAY));
    await Promise.all(
      ids.map((id, i) =>
        i % 3 === 0 ? setStatus(world, id, 'open') : i % 3 === 1 ? setStatus(world, id, 'closed') : null,
      ),
    );
    await Promise.all(ids.filter((_, i) => i % 6 === 0).map((id) => setStatus(world, id, 'solved')));
    // Bulk, as the bench seeds and an import would: copies of the cases, solved over 10 days.
    await sql`
      insert into cases (workspace_id, number, subject, status, priority, channel, customer_id, team_id,
        solved_at, created_at, updated_at)
      select workspace_id, number + 1000, subject, 'solved', priority, channel, customer_id, team_id,
        ${clock.now()}::timestamptz - (number % 10) * interval '1 day', created_at, updated_at
      from cases where workspace_id = ${world.ws.id}`.execute(t.deps.db);
    let { truth, kept, direct } = await recount(world.ws.id);
    expect(kept).toEqual(truth);
    expect(truth.length).toBeGreaterThan(5);
    expect(await solvedRecentlyKept(world)).toBe(direct);
    await sql`delete from cases where workspace_id = ${world.ws.id} and number > 1000 and number % 2 = 0`.execute(
      t.deps.db,
    );
    ({ truth, kept, direct } = await recount(world.ws.id));
    expect(kept).toEqual(truth);
    expect(await solvedRecentlyKept(world)).toBe(direct);
  });

  it('never counts another workspace’s solves', async () => {
    clock.set(START);
    const mine = await makeWorkspace(t);
    const theirs = await makeWorkspace(t);
    const ours = await open(mine);
    await setStatus(mine, ours, 'solved');
    for (let i = 0; i < 3; i++) await setStatus(theirs, await open(theirs), 'solved');
    expect(await solvedRecently(mine)).toBe(1);
    expect(await solvedRecently(theirs)).toBe(3);
    await setStatus(theirs, await open(theirs), 'solved');
    await setStatus(mine, ours, 'open');
    expect(await solvedRecently(mine)).toBe(0);
    expect(await solvedRecently(theirs)).toBe(4);
  });
});
