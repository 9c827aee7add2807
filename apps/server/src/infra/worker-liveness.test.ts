import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/app.ts';
import { uniq } from '../../test/factories.ts';
import { freeJobsOfDeadPools } from './worker-liveness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A job as graphile-worker leaves it while a pool runs it. */
async function jobLockedBy(poolId: string) {
  const { rows } = await sql<{
    id: string;
  }>`select id from graphile_worker.add_job('test.noop', '{}'::json)`.execute(t.deps.db);
  const id = rows[0]!.id;
  await sql`update graphile_worker._private_jobs set locked_at = now(), locked_by = ${poolId}, attempts = 1 where id = ${id}`.execute(
    t.deps.db,
  );
  return id;
}
const lockOf = async (id: string) =>
  (
    await sql<{
      locked_by: string | null;
    }>`select locked_by from graphile_worker.jobs where id = ${id}`.execute(t.deps.db)
  ).rows[0]!.locked_by;

it('frees at once the jobs of a pool whose session is gone, and leaves a live pool’s alone', async () => {
  const dead = `pool-dead-${uniq()}`;
  const alive = `pool-alive-${uniq()}`;
  await sql`insert into worker_pools (pool_id, backend_pid, backend_start) values (${dead}, 2147483000, now())`.execute(
    t.deps.db,
  );
  const live = await t.deps.pool.connect(); // a session that stays open for the length of the test
  try {
    await live.query(
      `insert into worker_pools (pool_id, backend_pid, backend_start)
       select $1, pid, backend_start from pg_stat_activity where pid = pg_backend_pid()`,
      [alive],
    );
    const deadJob = await jobLockedBy(dead);
    const liveJob = await jobLockedBy(alive);
    const freed = await freeJobsOfDeadPools(t.deps.db);
    expect(freed).toContain(dead);
    expect(freed).not.toContain(alive);
    expect(await lockOf(deadJob)).toBeNull();
    expect(await lockOf(liveJob)).toBe(alive);
    const left = await sql<{ pool_id: string }>`select pool_id from worker_pools`.execute(t.deps.db);
    expect(left.rows.map((r) => r.pool_id)).toContain(alive);
    expect(left.rows.map((r) => r.pool_id)).not.toContain(dead);
  } finally {
    live.release();
  }
});
