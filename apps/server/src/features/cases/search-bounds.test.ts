import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import { SEARCH_BOUNDS, type SearchBounds, searchCases } from './search.queries.ts';

// The candidate step probes the newest days of each source and, when they hold too few matches, takes a
// bounded number of older ones (search.queries.ts). These tests backdate a handful of cases so every
// path runs: the newest days alone, the probes going further back, the older step, and their limits.
let t: TestContext;
let w: World;
let other: World;
const byTopic: Record<string, string[]> = { kayak: [], paddle: [] };
beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
  other = await makeWorkspace(t);
  // Four kayak cases, then six about paddles; the kayak ones are backdated 100 days and the first
  // two paddle ones 10 days, the last four are today's.
  for (const [topic, n] of [
    ['kayak', 4],
    ['paddle', 6],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const res = await call(t, w.agent, 'POST', '/api/v1/cases', {
        subject: `${topic} question ${i}`,
        body: `About my ${topic}, number ${i}.`,
        customer_id: w.alice.id,
      });
      byTopic[topic]!.push(res.body.id);
    }
  }
  await call(t, other.agent, 'POST', '/api/v1/cases', {
    subject: 'kayak elsewhere',
    body: 'A kayak in another workspace.',
    customer_id: other.alice.id,
  });
  await backdate(byTopic.kayak!, 100);
  await backdate(byTopic.paddle!.slice(0, 2), 10);
});
afterAll(() => t.close());

const backdate = async (caseIds: string[], days: number) => {
  const at = sql`now() - make_interval(days => ${days})`;
  await sql`update cases set created_at = ${at} where id = any(${caseIds}::uuid[])`.execute(t.deps.db);
  await sql`update messages set created_at = ${at} where case_id = any(${caseIds}::uuid[])`.execute(
    t.deps.db,
  );
};
const today = () => byTopic.paddle!.slice(2);

const found = async (q: string, bounds: SearchBounds, limit = 50) =>
  (await searchCases(t.deps.db, { workspaceId: w.ws.id }, q, limit, bounds)).map((h) => h.id).sort();

describe('search candidates', () => {
  it('finds matches older than the probed days when those hold too few', async () => {
    const bounds = { days: 30, keep: 10, enough: 1, older: 100 };
    expect(await found('kayak', bounds)).toEqual([...byTopic.kayak!].sort());
  });

  it('stops probing older days once it holds enough', async () => {
    // Today's four paddle cases are enough: the two of ten days ago are not looked for.
    expect(await found('paddle', { days: 64, keep: 10, enough: 1, older: 100 })).toEqual([...today()].sort());
    // Without the older step, 100-day-old kayaks are out of reach of a 30-day search.
    expect(await found('kayak', { days: 30, keep: 10, enough: 1, older: 0 })).toEqual([]);
  });

  it('keeps at most `keep` matches per source', async () => {
    const hits = await found('paddle', { days: 64, keep: 2, enough: 1, older: 100 });
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(hits.length).toBeLessThanOrEqual(4); // two subjects, two messages
    for (const id of hits) expect(today()).toContain(id);
  });

  it('bounds the older matches it takes', async () => {
    // Five days hold today's four; the two older paddle cases are past them, at most one per source.
    const hits = await found('paddle', { days: 5, keep: 10, enough: 5, older: 1 });
    expect(hits.length).toBeGreaterThanOrEqual(5);
    expect(hits.length).toBeLessThanOrEqual(6);
    expect(hits).toEqual(expect.arrayContaining(today()));
  });

  it('by default calls a page of matches enough, and probes older days for a fuller page', async () => {
    const bounds = { days: 64, keep: 10, older: 100 }; // no `enough`: the page size decides
    expect(await found('paddle', bounds, 4)).toEqual([...today()].sort());
    const fuller = await found('paddle', bounds, 5);
    expect(fuller).toHaveLength(5);
    expect(fuller.some((id) => byTopic.paddle!.slice(0, 2).includes(id))).toBe(true);
  });

  it('matches every word of a query, any of them with "or", and phrases', async () => {
    expect(await found('paddle number', SEARCH_BOUNDS)).toEqual([...byTopic.paddle!].sort());
    expect(await found('kayak paddle', SEARCH_BOUNDS)).toEqual([]);
    // A probe ANDs each distinct word once, at most three (migration 20261202T0200_search_probe_words);
    // the whole query is tested on each row it yields.
    expect(await found('paddle paddle number', SEARCH_BOUNDS)).toEqual([...byTopic.paddle!].sort());
    expect(await found('paddle question 2', SEARCH_BOUNDS)).toEqual([byTopic.paddle![2]]);
    expect(await found('paddle question 2 kayak', SEARCH_BOUNDS)).toEqual([]);
    const either = await found('kayak or paddle', SEARCH_BOUNDS);
    expect(either).toEqual([...byTopic.kayak!, ...byTopic.paddle!].sort());
    expect(await found('"kayak number"', SEARCH_BOUNDS)).toEqual([...byTopic.kayak!].sort());
    expect(await found('"number kayak"', SEARCH_BOUNDS)).toEqual([]);
    // A probe yields rows by their words alone; a negated word or a phrase is still tested on each
    // (20261203T0100_search_probe_exact).
    expect(await found('paddle -2', SEARCH_BOUNDS)).toEqual(byTopic.paddle!.filter((_, i) => i !== 2).sort());
  });

  it('answers a query of only negated words from the newest subjects', async () => {
    expect(await found('-kayak', SEARCH_BOUNDS)).toEqual([...byTopic.paddle!].sort());
    expect(await found('-kayak -paddle', SEARCH_BOUNDS)).toEqual([]);
  });

  it('takes from a query the words an index can look for', async () => {
    const words = async (q: string) =>
      (await sql<{ w: string[] }>`select search_query_words(${q}::tsquery) as w`.execute(t.deps.db)).rows[0]!
        .w;
    expect(await words(`'kayak' & 'paddl' & !'boat'`)).toEqual(['kayak', 'paddl']);
    expect(await words(`'red' <-> 'boat' | 'oar'`)).toEqual(['boat', 'oar', 'red']);
    expect(await words(String.raw`'it''s' & 'a\\b'`)).toEqual(['a\\b', "it's"]);
    expect(await words(`!'boat'`)).toEqual([]);
  });

  it('takes every match of a word naming one thing (an order number, an address) from all history', async () => {
    // A workspace of its own, so these cases stay out of the tests above.
    const own = await makeWorkspace(t);
    const open = async (subject: string, body: string) =>
      (await call(t, own.agent, 'POST', '/api/v1/cases', { subject, body, customer_id: own.alice.id })).body
        .id as string;
    const order = await open('Where is order #7730415', 'It was due last week.');
    const address = await open('Change of address', 'Please write to jo@river.example from now on.');
    const invoices = [
      await open('Invoice 55501 is wrong', 'The total is off.'),
      await open('About invoice 55501', 'Paid twice.'),
      await open('Invoice 55501 again', 'Still not fixed.'),
    ];
    await backdate([order, address, invoices[0]!], 100);
    const search = async (q: string, bounds: SearchBounds) =>
      (await searchCases(t.deps.db, { workspaceId: own.ws.id }, q, 50, bounds)).map((h) => h.id).sort();
    // A 30-day search with room for older matches finds the 100-day-old ones without probing days.
    const bounds = { days: 30, keep: 10, enough: 1, older: 3 };
    expect(await search('#7730415', bounds)).toEqual([order]);
    expect(await search('order #7730415', bounds)).toEqual([order]);
    expect(await search('jo@river.example', bounds)).toEqual([address]);
    expect(await search('55501', bounds)).toEqual([...invoices].sort());
    // More matches than `older` (a number as common as a word): the days are probed as for a word,
    // and today's two are enough.
    expect(await search('55501', { ...bounds, older: 2 })).toEqual(invoices.slice(1).sort());
    // Not in the other workspaces.
    expect(await found('#7730415', bounds)).toEqual([]);
  });

  it("probes the first part of today's message bodies, then the day's other parts if it holds too few", async () => {
    // Each day's messages are keyed in four parts by their ids (20261204T0200_search_day_parts).
    const own = await makeWorkspace(t);
    const parts = new Map<string, number>();
    for (let i = 0; i < 60; i++) {
      const res = await call(t, own.agent, 'POST', '/api/v1/cases', {
        subject: `Question ${i}`,
        body: `My canoe leaks again, ${i}.`,
        customer_id: own.alice.id,
      });
      const { rows } = await t.deps.pool.query<{ part: number }>(
        `select get_byte(uuid_send(id), 15) & 3 as part from messages where case_id = $1`,
        [res.body.id],
      );
      parts.set(res.body.id, rows[0]!.part);
      const first = [...parts.values()].filter((p) => p === 0).length;
      if (first >= 2 && parts.size - first >= 2) break;
    }
    const all = [...parts.keys()].sort();
    const inFirst = all.filter((id) => parts.get(id) === 0);
    expect(inFirst.length).toBeGreaterThanOrEqual(2);
    expect(all.length - inFirst.length).toBeGreaterThanOrEqual(2);
    const search = async (bounds: SearchBounds) =>
      (await searchCases(t.deps.db, { workspaceId: own.ws.id }, 'canoe', 100, bounds))
        .map((h) => h.id)
        .sort();
    expect(await search({ days: 1, keep: 50, enough: inFirst.length, older: 0 })).toEqual(inFirst);
    expect(await search({ days: 1, keep: 50, enough: inFirst.length + 1, older: 0 })).toEqual(all);
    // `keep` bounds the first part's probe as any other.
    expect(await search({ days: 1, keep: 1, enough: 1, older: 0 })).toHaveLength(1);
  });

  it('with the default bounds finds every match of a small desk, in one workspace only', async () => {
    expect(await found('kayak', SEARCH_BOUNDS)).toEqual([...byTopic.kayak!].sort());
    const theirs = await searchCases(t.deps.db, { workspaceId: other.ws.id }, 'kayak', 50);
    expect(theirs).toHaveLength(1);
    expect(byTopic.kayak).not.toContain(theirs[0]!.id);
  });

  it('gives a customer only their own cases, through the API as well', async () => {
    const mine = await call(t, w.alice, 'GET', '/api/v1/search?q=kayak');
    expect(mine.body.items).toHaveLength(4);
    const bobs = await call(t, w.bob, 'GET', '/api/v1/search?q=kayak');
    expect(bobs.body.items).toEqual([]);
  });
});
