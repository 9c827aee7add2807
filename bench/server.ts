// Runs Fairdesk as a user would in production (`node apps/server/src/main.ts --role=web`, or the
// worker role) as a child process, and watches it: time to ready, and resident memory and CPU read
// from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export type AppProcess = {
  baseUrl: string;
  pid: number;
  readyMs: number;
  rssMb: () => Promise<number>;
  /** The last lines the app printed, for diagnosing a failure. */
  output: () => string;
  stop: () => Promise<void>;
};

const READY_TIMEOUT_MS = 60_000;

/**
 * The node flags `npm start` runs the server with (package.json): V8's young generation capped at
 * 2 x 32 MB instead of Node 24's 2 x 64 MB, which bounds the process's memory under load for a
 * little more frequent minor GC (docs/decisions.md, 2026-11-24).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

/**
 * Spawns `main.ts` in one role as production runs it, keeping its last 40 lines of output for a
 * failure's report. process.execPath is the node binary itself (not a shell or npm wrapper), so
 * child.pid is the process whose memory and CPU we read.
 */
export function spawnServer(opts: {
  role: 'web' | 'worker';
  cwd: string;
  databaseUrl: string;
  nodeArgs?: string[];
  env: Record<string, string>;
}) {
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...(opts.nodeArgs ?? []), 'apps/server/src/main.ts', `--role=${opts.role}`],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: opts.databaseUrl,
        LOG_LEVEL: 'warn',
        ...opts.env,
      },
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const keep = (b: Buffer) => {
    lines.push(...b.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, exited, output: () => lines.join('\n') };
}

export async function startApp(opts: {
  databaseUrl: string;
  port: number;
  cwd: string;
  nodeArgs?: string[];
}) {
  const started = performance.now();
  const { child, exited, output } = spawnServer({
    role: 'web',
    cwd: opts.cwd,
    nodeArgs: opts.nodeArgs,
    env: { HOST: '127.0.0.1', PORT: String(opts.port) },
    databaseUrl: opts.databaseUrl,
  });
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const app: AppProcess = {
    baseUrl,
    pid: child.pid ?? 0,
    readyMs: 0,
    rssMb: () => rssMb(child.pid ?? 0),
    output,
    stop: () => stopChild(child, exited),
  };
  try {
    await waitReady(baseUrl, child);
  } catch (e) {
    await app.stop();
    throw new Error(`${(e as Error).message}\n--- app output ---\n${app.output()}`);
  }
  app.readyMs = Math.round(performance.now() - started);
  return app;
}

async function waitReady(baseUrl: string, child: ChildProcess) {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} before ready`);
    const ok = await fetch(`${baseUrl}/api/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await sleep(20);
  }
  throw new Error(`the app was not ready within ${READY_TIMEOUT_MS} ms`);
}

/** SIGTERM (graceful shutdown), then SIGKILL if it has not gone within ten seconds. */
export async function stopChild(child: ChildProcess, exited: Promise<void>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.error(`pid ${child.pid} had not stopped 10 s after SIGTERM: killed`);
    child.kill('SIGKILL');
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces), from state on. */
async function statFields(pid: number | string): Promise<string[]> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : [];
}

// utime, stime (fields 14, 15) and the reaped children's cutime, cstime (16, 17), in clock ticks
// (100 per second on Linux); index 0 is field 3 (state), index 1 field 4 (ppid).
const ticks = (f: string[], from: number, to: number) =>
  f.slice(from, to + 1).reduce((sum, v) => sum + Number(v ?? 0), 0) / 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export async function cpuSeconds(pid: number): Promise<number> {
  return ticks(await statFields(pid), 11, 12);
}

/** A cluster's CPU so far: in all, and per live child process with what it is (from its title). */
export type ClusterCpu = { total: number; children: Map<string, { kind: string; seconds: number }> };

/**
 * CPU seconds a PostgreSQL cluster has used so far: the postmaster, its live children (backends,
 * checkpointer, WAL writer…) and the children that have exited (counted in its cutime/cstime).
 * Each live child is named by its process title: `postgres: <user> <db> …` is a client backend,
 * anything else (`autovacuum worker`, `checkpointer`, `walwriter`, `io worker 0`…) is background.
 */
export async function clusterCpu(postmasterPid: number): Promise<ClusterCpu> {
  let total = ticks(await statFields(postmasterPid), 11, 14);
  const children = new Map<string, { kind: string; seconds: number }>();
  const pids = (await readdir('/proc')).filter((d) => /^\d+$/.test(d));
  for (const pid of pids) {
    const f = await statFields(pid);
    if (Number(f[1]) !== postmasterPid) continue;
    const seconds = ticks(f, 11, 12);
    total += seconds;
    const title = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replace(/\0/g, ' ').trim();
    children.set(pid, { kind: processKind(title), seconds });
  }
  return { total, children };
}

/** `backend` for a client connection, else the background process's name without its number. */
function processKind(title: string): string {
  const name = title.replace(/^postgres:\s*/, '');
  const background =
    /^(autovacuum (launcher|worker)|checkpointer|background writer|walwriter|walsummarizer|io worker|logical replication launcher|archiver|startup)/.exec(
      name,
    );
  return background ? background[1]! : 'backend';
}

export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Samples RSS every 250 ms until stopped; returns the maximum seen. */
export function sampleRss(app: AppProcess) {
  let max = 0;
  const timer = setInterval(() => {
    void app.rssMb().then((mb) => {
      max = Math.max(max, mb);
    });
  }, 250);
  timer.unref();
  return {
    max: () => max,
    stop: () => clearInterval(timer),
  };
}
