import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/app.ts';
import { createDb, createPool, GENERIC_PLAN } from './db.ts';

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

  it('run a statement marked for a generic plan on a connection that plans it once, outside transactions only', async () => {
    const pool = createPool(String(t.deps.config.DATABASE_URL), 2);
    const db = createDb(pool);
    const mode = (on: typeof db, marked: boolean, n = 1) =>
      sql<{
        mode: string;
        n: number;
      }>`select current_setting('plan_cache_mode') as mode, ${n}::int as n ${sql.raw(
        marked ? GENERIC_PLAN : '',
      )}`
        .execute(on)
        .then((r) => r.rows[0]!);
    try {
      expect(await mode(db, false)).toEqual({ mode: 'auto', n: 1 });
      expect(await mode(db, true, 2)).toEqual({ mode: 'force_generic_plan', n: 2 });
      // Inside a transaction the statement stays on the transaction's connection: it must see the
      // transaction's own writes.
      await db.transaction().execute(async (trx) => {
        await sql`create temp table generic_probe (x int) on commit drop`.execute(trx);
        await sql`insert into generic_probe values (7)`.execute(trx);
        expect(await mode(trx, true, 3)).toEqual({ mode: 'auto', n: 3 });
        const seen = await sql<{
          x: number;
        }>`select x from generic_probe where x = ${7} ${sql.raw(GENERIC_PLAN)}`.execute(trx);
        expect(seen.rows).toEqual([{ x: 7 }]);
      });
      // And after it, the next marked statement goes to the generic connections again.
      expect(await mode(db, true, 4)).toEqual({ mode: 'force_generic_plan', n: 4 });
      // A full-text statement stays unnamed (planned for its words) and is not moved, unless it is
      // marked: a staff search's words only reach a function, so its plan fits every word.
      const searched = (marked: boolean) =>
        sql<{ mode: string }>`select current_setting('plan_cache_mode') as mode,
        websearch_to_tsquery('english', ${'refund'}) as q ${sql.raw(marked ? GENERIC_PLAN : '')}`.execute(db);
      expect((await searched(false)).rows[0]?.mode).toBe('auto');
      expect((await searched(true)).rows[0]?.mode).toBe('force_generic_plan');
    } finally {
      await db.destroy();
    }
  });

  it('a marked statement holds none of the pool connections, so it runs while a transaction holds the only one', async () => {
    const pool = createPool(String(t.deps.config.DATABASE_URL), 1);
    const db = createDb(pool);
    try {
      let finishTransaction!: () => void;
      const held = new Promise<void>((r) => {
        finishTransaction = r;
      });
      const transaction = db.transaction().execute(async (trx) => {
        await sql`select 1 as inside`.execute(trx);
        await held;
      });
      await until(() => pool.totalCount === 1 && pool.idleCount === 0);
      const marked = sql<{ n: number }>`select ${5}::int as n ${sql.raw(GENERIC_PLAN)}`.execute(db);
      const first = await Promise.race([marked.then(() => 'marked'), sleep(3000).then(() => 'timed out')]);
      finishTransaction();
      await transaction;
      expect(first).toBe('marked');
      expect((await marked).rows).toEqual([{ n: 5 }]);
      // An unmarked statement still takes the pool's connection, and gives it back.
      expect((await sql<{ n: number }>`select ${6}::int as n`.execute(db)).rows).toEqual([{ n: 6 }]);
      expect(pool.idleCount).toBe(pool.totalCount);
    } finally {
      await db.destroy();
    }
  });

  it('a stop lets statements waiting for a connection run first instead of leaving them, and itself, waiting forever', async () => {
    // As when a load balancer drops its connections while the app stops: the requests still run.
    const pool = createPool(String(t.deps.config.DATABASE_URL), 1);
    const db = createDb(pool);
    const slow = (n: number, marked: boolean) =>
      sql<{ n: number }>`select ${n}::int as n, pg_sleep(0.05) ${sql.raw(marked ? GENERIC_PLAN : '')}`
        .execute(db)
        .then((r) => r.rows[0]?.n);
    const inFlight = [1, 2, 3, 4, 5, 6].map((n) => slow(n, n % 2 === 0));
    await until(() => pool.waitingCount > 0);
    const stopped = db.destroy().then(() => 'stopped');
    expect(await Promise.race([stopped, sleep(8000).then(() => 'still waiting')])).toBe('stopped');
    expect(await Promise.all(inFlight)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pool.totalCount).toBe(0);
  });
});

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
async function until(done: () => boolean) {
  for (let i = 0; i < 300 && !done(); i++) await sleep(10);
  expect(done()).toBe(true);
}
