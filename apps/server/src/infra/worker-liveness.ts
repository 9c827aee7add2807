import { sql } from 'kysely';
import pg from 'pg';
import type { Executor } from './db.ts';
import type { Logger } from './logger.ts';

/**
 * graphile-worker has no heartbeat: a job locked by a worker that was killed stays locked for 4
 * hours before another worker may run it. Each worker process therefore keeps one PostgreSQL
 * session open and records it (pid + backend start) against its pool id; when a process dies,
 * its session ends with it, so any process can see the pool is dead and free its jobs at once
 * (graphile-worker's own `force_unlock_workers`). Handlers are idempotent, so a job freed from a
 * pool that was in fact alive (its session dropped) at worst runs twice.
 */
export async function freeJobsOfDeadPools(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ pool_id: string }>`
    select o.pool_id from worker_pools o
    where not exists (
      select 1 from pg_stat_activity a where a.pid = o.backend_pid and a.backend_start = o.backend_start)`.execute(
    db,
  );
  const dead = rows.map((r) => r.pool_id);
  if (dead.length === 0) return dead;
  await sql`select graphile_worker.force_unlock_workers(${dead}::text[])`.execute(db);
  await sql`delete from worker_pools where pool_id = any(${dead}::text[])`.execute(db);
  return dead;
}

export type WorkerLiveness = { stop: () => Promise<void> };

/** Registers this process's worker pool, frees dead pools' jobs now and every `everyMs`. */
export async function watchWorkerPool(opts: {
  clientConfig: pg.ClientConfig;
  poolId: string;
  db: Executor;
  log: Logger;
  everyMs?: number;
}): Promise<WorkerLiveness> {
  let client: pg.Client | undefined;
  let stopped = false;
  const register = async () => {
    const c = new pg.Client({ ...opts.clientConfig, keepAlive: true });
    c.on('error', (err) => {
      opts.log.warn({ err }, 'worker liveness connection lost; reconnecting');
      c.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void register().catch(() => undefined), 5000).unref();
    });
    await c.connect();
    await c.query(
      `insert into worker_pools (pool_id, backend_pid, backend_start)
       select $1, pid, backend_start from pg_stat_activity where pid = pg_backend_pid()
       on conflict (pool_id) do update set backend_pid = excluded.backend_pid,
         backend_start = excluded.backend_start`,
      [opts.poolId],
    );
    client = c;
  };
  const sweep = async () => {
    try {
      const freed = await freeJobsOfDeadPools(opts.db);
      if (freed.length) opts.log.warn({ pools: freed }, 'freed the jobs of worker pools that died');
    } catch (err) {
      opts.log.warn({ err }, 'could not check for dead worker pools');
    }
  };
  await register();
  await sweep();
  const timer = setInterval(() => void sweep(), opts.everyMs ?? 30_000);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await sql`delete from worker_pools where pool_id = ${opts.poolId}`
        .execute(opts.db)
        .catch(() => undefined);
      await client?.end().catch(() => undefined);
    },
  };
}
