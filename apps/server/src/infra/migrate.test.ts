import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/app.ts';
import { vacuumAfterMigrations } from './migrate.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('after a migration run', () => {
  it('vacuums the tables of the schema, so a rewritten table gets its visibility map back', async () => {
    // A table written and never vacuumed stands for one a migration rewrote: every page of it is
    // missing from the visibility map, and index-only scans would visit them all.
    const table = `vacuum_probe_${randomBytes(4).toString('hex')}`;
    const { pool } = t.deps;
    await pool.query(`create table ${table} (id int primary key, note text)`);
    try {
      await pool.query(`insert into ${table} select g, repeat('x', 100) from generate_series(1, 5000) g`);
      const visible = async () =>
        (
          await pool.query<{ pages: number; visible: number }>(
            `select relpages as pages, relallvisible as visible from pg_class where relname = $1`,
            [table],
          )
        ).rows[0]!;
      expect((await visible()).visible).toBe(0);

      const vacuumed = await vacuumAfterMigrations(pool);

      expect(vacuumed).toContain(`public.${table}`);
      expect(vacuumed).toContain('public.cases');
      expect(vacuumed).toContain('public.messages');
      // A vacuum marks a page all-visible only once no snapshot in the database is older than its
      // rows; under a full test run another test's transaction can be, so it is run again (at
      // most a few times, a moment apart) until that one has ended.
      for (let tries = 1; tries < 5 && (await visible()).visible === 0; tries++) {
        await new Promise((r) => setTimeout(r, 200));
        await vacuumAfterMigrations(pool);
      }
      const after = await visible();
      expect(after.pages).toBeGreaterThan(0);
      expect(after.visible).toBe(after.pages);
    } finally {
      await pool.query(`drop table ${table}`);
    }
  });
});
