import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { makeWorkspace, type World } from '../../../test/factories.ts';
import { searchCases } from './search.queries.ts';

// A query of negated words only (-lantern) has no word an index can look for, so search_candidates
// tests the subjects of the newest 5,000 cases, walked in an index that holds them
// (case_search_walk_idx, by creation since migration 20261202T0100_case_search). The
// function turns index scans off for its probes, which turned off that walk too: it read and
// sorted the whole workspace, 0.7-1.5 s on a million cases (migration 20261129T0100).
let t: TestContext;
let w: World;
const CASES = 30_000;
beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
  await sql`insert into cases (workspace_id, number, channel, customer_id, subject, created_at, updated_at)
    select ${w.ws.id}, 100000 + i, 'api', ${w.alice.id},
      case when i % 3 = 0 then 'Lantern flickers' else 'Stove will not light' end,
      now() - make_interval(mins => i), now() - make_interval(mins => i)
    from generate_series(1, ${CASES}) i`.execute(t.deps.db);
  await sql`vacuum (analyze) cases`.execute(t.deps.db);
}, 60_000);
afterAll(() => t.close());

describe('a search of negated words only', () => {
  it('finds the newest cases without the word', async () => {
    const hits = await searchCases(t.deps.db, { workspaceId: w.ws.id }, '-lantern', 20);
    expect(hits).toHaveLength(20);
    expect(hits.every((h) => !/lantern/i.test(h.subject))).toBe(true);
  });

  it('reads the newest cases from the index, not the whole workspace', async () => {
    const buffersRead = async () => {
      const { rows } = await sql<{ 'QUERY PLAN': [{ Plan: Record<string, number> }] }>`
        explain (analyze, buffers, format json) select * from search_candidates(
          ${w.ws.id}, websearch_to_tsquery('fairdesk', '-lantern'), 200, 20, 300, 64)`.execute(t.deps.db);
      const plan = rows[0]!['QUERY PLAN'][0].Plan;
      return plan['Shared Hit Blocks']! + plan['Shared Read Blocks']!;
    };
    await buffersRead(); // the first call also reads the catalogue
    const read = await buffersRead();
    const { rows: heap } = await sql<{ pages: number }>`
      select count(distinct (ctid::text::point)[0])::int as pages from case_search where workspace_id = ${w.ws.id}`.execute(
      t.deps.db,
    );
    // The walk reads a few dozen index pages; the scan it replaced read every heap page.
    expect(heap[0]!.pages).toBeGreaterThan(100);
    expect(read).toBeLessThan(heap[0]!.pages / 2);
  });
});
