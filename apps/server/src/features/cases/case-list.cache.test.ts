import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type Person, type World } from '../../../test/factories.ts';
import { statementsWith, until } from '../../../test/statements.ts';

/** Every list statement reads `cases as c` (cases.queries.ts); nothing else a list request sends does. */
const LIST = '"cases" as "c"';

let t: TestContext;
let w: World;
let other: World;
beforeAll(async () => {
  t = await startTestApp();
  [w, other] = await Promise.all([makeWorkspace(t), makeWorkspace(t)]);
  // The app keeps nothing until its realtime feed listens (it connects as the app starts).
  await until(async () => (await reads(() => list(w.agent, queue(w)))) === 0);
});
afterAll(() => t.close());

const queue = (world: World) => `team_id=${world.team.id}&status=new,open&sort=due&limit=50`;
const list = async (who: Person, query: string) => {
  const res = await call(t, who, 'GET', `/api/v1/cases?${query}`);
  expect(res.status).toBe(200);
  return res.body as { items: { id: string; subject: string }[]; next_cursor: string | null };
};
const ids = (page: { items: { id: string }[] }) => page.items.map((c) => c.id);
const reads = (work: () => Promise<unknown>) => statementsWith(t.deps.pool as pg.Pool, LIST, work);
const open = async (world: World, extra: Record<string, unknown> = {}) =>
  (
    await call(t, world.agent, 'POST', '/api/v1/cases', {
      subject: 'Stove will not light',
      body: 'b',
      customer_id: world.alice.id,
      team_id: world.team.id,
      ...extra,
    })
  ).body as { id: string };

describe('staff queue pages', () => {
  it('are read once for all of a workspace’s staff while nothing changes, and show a write at once', async () => {
    const before = await list(w.agent, queue(w));
    let pages: unknown[] = [];
    const n = await reads(async () => {
      pages = await Promise.all([list(w.agent, queue(w)), list(w.agent2, queue(w)), list(w.admin, queue(w))]);
    });
    expect(n).toBe(0);
    expect(pages).toEqual([before, before, before]);
    const created = await open(w);
    let after = before;
    expect(await reads(async () => (after = await list(w.agent2, queue(w))))).toBeGreaterThan(0);
    expect(ids(after)).toEqual([...ids(before), created.id]);
  });

  it('show a change no event announced (SQL by hand) within the keeping time', async () => {
    const created = await open(w);
    const subjectOf = async () =>
      (await list(w.agent, queue(w))).items.find((c) => c.id === created.id)?.subject;
    expect(await subjectOf()).toBe('Stove will not light');
    await sql`update cases set subject = 'Renamed by hand' where id = ${created.id}`.execute(t.deps.db);
    await until(async () => (await subjectOf()) === 'Renamed by hand');
  });

  it('never give one workspace’s page to another asking with the same filters', async () => {
    const mine = await open(w);
    const theirs = await open(other);
    const same = 'status=new,open&sort=due&limit=100';
    const [ours, their] = [await list(w.agent, same), await list(other.agent, same)];
    expect(ids(ours)).toContain(mine.id);
    expect(ids(ours)).not.toContain(theirs.id);
    expect(ids(their)).toEqual([theirs.id]);
  });

  it('keep `assignee_id=me` apart for each staff member', async () => {
    const forAgent = await open(w, { assignee_id: w.agent.id });
    const forAgent2 = await open(w, { assignee_id: w.agent2.id });
    const me = 'assignee_id=me&status=new,open';
    const [agents, agent2s] = [await list(w.agent, me), await list(w.agent2, me)];
    expect(ids(agents)).toContain(forAgent.id);
    expect(ids(agents)).not.toContain(forAgent2.id);
    expect(ids(agent2s)).toEqual([forAgent2.id]);
  });

  it('are read every time for a customer, and for a text query', async () => {
    await until(async () => (await reads(() => list(w.agent, queue(w)))) === 0);
    expect(await reads(() => list(w.alice, 'limit=10'))).toBeGreaterThan(0);
    expect(await reads(() => list(w.alice, 'limit=10'))).toBeGreaterThan(0);
    expect(await reads(() => list(w.agent, 'q=stove'))).toBeGreaterThan(0);
    expect(await reads(() => list(w.agent, 'q=stove'))).toBeGreaterThan(0);
  });
});
