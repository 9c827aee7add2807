import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/app.ts';
import { createDb, createPool } from './db.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('statements sent through the app pool', () => {
  it('are prepared once per connection when they have parameters, and still answer correctly', async () => {
    // One connection, so the prepared statements seen are this test's own.
    const pool = createPool(String(t.deps.config.DATABASE_URL), 1);
    const db = createDb(pool);
    try {
      const probe = (n: number) => sql<{ v: number }>`select ${n}::int * 2 as v`.execute(db);
      expect((await probe(2)).rows[0]?.v).toBe(4);
      expect((await probe(21)).rows[0]?.v).toBe(42);
      const searched = await sql<{
        q: string;
      }>`select websearch_to_tsquery('english', ${'refund'})::text as q`.execute(db);
      expect(searched.rows[0]?.q).toBe("'refund'");
      const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
        db,
      );
      const texts = prepared.rows.map((r) => r.statement);
      expect(texts.filter((s) => s.includes('::int * 2 as v'))).toHaveLength(1);
      // Full-text searches are planned for each query's own words, never from a generic plan.
      expect(texts.some((s) => s.includes('websearch_to_tsquery'))).toBe(false);
      // A statement without parameters (BEGIN, a migration) is sent as it is.
      await sql`select 1 as plain`.execute(db);
      const again = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_prepared_statements where statement like ${'%as plain%'}`.execute(
        db,
      );
      expect(again.rows[0]?.n).toBe(0);
    } finally {
      await db.destroy();
    }
  });
});
