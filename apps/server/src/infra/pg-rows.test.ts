import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/app.ts';
import { createDb, createPool } from './db.ts';

let t: TestContext;
let plain: pg.Client;
beforeAll(async () => {
  t = await startTestApp();
  plain = new pg.Client({ connectionString: String(t.deps.config.DATABASE_URL) });
  await plain.connect();
});
afterAll(async () => {
  await plain.end();
  await t.close();
});

// Rows through the app pool (arrays made objects by pg-rows.ts) must be the objects pg itself makes.
const WIDE = `select 1::int as a, 'x'::text as b, 9007199254740991::int8 as c, null::text as d,
  '2026-11-22 23:00:00.123456+00'::timestamptz as e, array['p','q']::text[] as f,
  '{"k": [1, 2]}'::jsonb as g, true as h, 1.5::float8 as i, gen_random_uuid() is not null as j
  from generate_series(1, 3)`;

describe('rows read through the app pool', () => {
  it('are the objects pg makes: the same keys in the same order, the same parsed values', async () => {
    const db = createDb(createPool(String(t.deps.config.DATABASE_URL), 1));
    try {
      const ours = (await sql.raw(WIDE).execute(db)).rows;
      const theirs = (await plain.query(WIDE)).rows;
      expect(ours).toEqual(theirs);
      expect(ours.map((r) => Object.keys(r as object))).toEqual(theirs.map((r) => Object.keys(r)));
      expect((ours[0] as { e: Date }).e).toBeInstanceOf(Date);
      // Prepared (with parameters) and not: both paths shape their rows.
      const prepared = await sql<{
        n: number;
        s: string;
      }>`select ${41}::int + 1 as n, ${'y'}::text as s`.execute(db);
      expect(prepared.rows).toEqual([{ n: 42, s: 'y' }]);
      expect((await sql`select 1 as one where false`.execute(db)).rows).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('keep the last of columns with the same name, and a column named __proto__ as a column', async () => {
    const db = createDb(createPool(String(t.deps.config.DATABASE_URL), 1));
    try {
      const text = `select 1 as a, 2 as b, 3 as a, 4 as "__proto__"`;
      const [ours] = (await sql.raw(text).execute(db)).rows as Record<string, unknown>[];
      const [theirs] = (await plain.query(text)).rows;
      expect(ours).toEqual(theirs);
      expect(ours?.a).toBe(3);
      expect(Object.getOwnPropertyDescriptor(ours, '__proto__')?.value).toBe(4);
      expect(Object.getPrototypeOf(ours)).toBe(Object.prototype);
    } finally {
      await db.destroy();
    }
  });
});
