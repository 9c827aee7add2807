import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import { SEARCH_BOUNDS, type SearchBounds, searchCases } from './search.queries.ts';

// The candidate step reads a bounded window of the newest rows and, when that holds too few
// matches, a bounded number of older ones (search.queries.ts). These tests shrink the bounds so a
// handful of cases exercises every path: the window alone, the older step, and their limits.
let t: TestContext;
let w: World;
let other: World;
const byTopic: Record<string, string[]> = { kayak: [], paddle: [] };
beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
  other = await makeWorkspace(t);
  // Oldest first: four kayak cases, then six about paddles (the newest rows of the desk).
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
});
afterAll(() => t.close());

const found = async (q: string, bounds: SearchBounds, limit = 50) =>
  (await searchCases(t.deps.db, { workspaceId: w.ws.id }, q, limit, bounds)).map((h) => h.case_id).sort();

describe('search candidates', () => {
  it('finds matches older than the window when the window holds too few', async () => {
    // The newest 4 subjects and 4 messages are all about paddles: no kayak in the window.
    const bounds = { window: 4, keep: 10, enough: 1, older: 100 };
    expect(await found('kayak', bounds)).toEqual([...byTopic.kayak!].sort());
  });

  it('answers from the window alone when it holds enough, newest first', async () => {
    const bounds = { window: 4, keep: 3, enough: 1, older: 100 };
    const hits = await found('paddle', bounds);
    // Three of the four newest paddle cases (keep = 3), none of the two older ones.
    expect(hits).toHaveLength(3);
    for (const id of hits) expect(byTopic.paddle!.slice(2)).toContain(id);
  });

  it('bounds the older matches it takes', async () => {
    const bounds = { window: 2, keep: 10, enough: 5, older: 1 };
    // The window's two paddle cases, plus at most one older match per source.
    const hits = await found('paddle', bounds);
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(hits.length).toBeLessThanOrEqual(4);
    expect(hits).toEqual(expect.arrayContaining(byTopic.paddle!.slice(4)));
  });

  it('by default calls a window with a page of matches enough, and looks older for a fuller page', async () => {
    const bounds = { window: 4, keep: 10, older: 100 }; // no `enough`: the page size decides
    const newest = byTopic.paddle!.slice(2);
    // A page of 4: the window's four newest paddle cases fill it, the older step does not run.
    expect(await found('paddle', bounds, 4)).toEqual([...newest].sort());
    // A page of 5: the window holds too few, so older paddle cases join in.
    const fuller = await found('paddle', bounds, 5);
    expect(fuller).toHaveLength(5);
    expect(fuller.some((id) => byTopic.paddle!.slice(0, 2).includes(id))).toBe(true);
  });

  it('with the default bounds finds every match of a small desk, in one workspace only', async () => {
    expect(await found('kayak', SEARCH_BOUNDS)).toEqual([...byTopic.kayak!].sort());
    const theirs = await searchCases(t.deps.db, { workspaceId: other.ws.id }, 'kayak', 50);
    expect(theirs).toHaveLength(1);
    expect(byTopic.kayak).not.toContain(theirs[0]!.case_id);
  });

  it('gives a customer only their own cases, through the API as well', async () => {
    const mine = await call(t, w.alice, 'GET', '/api/v1/search?q=kayak');
    expect(mine.body.items).toHaveLength(4);
    const bobs = await call(t, w.bob, 'GET', '/api/v1/search?q=kayak');
    expect(bobs.body.items).toEqual([]);
  });
});
