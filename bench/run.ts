// `npm run bench -- --profile smoke|quick|full`: seeds a throwaway database, starts Fairdesk in
// production mode, measures it against the plain-SQL ceiling, writes bench/results/, and stops
// everything it started, also on failure or Ctrl-C. Traffic only ever goes to 127.0.0.1.
import { mkdir } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { queuePageSql } from './capture.ts';
import { createCaseWork, queuePageWork, runCeiling } from './ceiling.ts';
import { type BenchDatabase, freePort, startBenchDatabase } from './cluster.ts';
import { writeExplain } from './explain.ts';
import { probe, runHttp, SCENARIOS, type ScenarioName, scenarioRequest, steadyReplies } from './load.ts';
import { CONNECTIONS, type Profile, profileNamed } from './profiles.ts';
import { type Results, writeResults } from './report.ts';
import { type Fixtures, seed } from './seed.ts';
import { type AppProcess, type ClusterCpu, clusterCpu, cpuSeconds, sampleRss, startApp } from './server.ts';
import type { ScenarioResult } from './stats.ts';
import { sampleWaits } from './waits.ts';
import { drainWorker } from './worker.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench/results');

const { values: args } = parseArgs({
  options: {
    profile: { type: 'string', default: 'quick' },
    /** Comma-separated scenario names, to profile one scenario without running them all. */
    only: { type: 'string' },
    /** Write EXPLAIN ANALYZE of the queue page and search queries to results/<profile>-explain.txt. */
    explain: { type: 'boolean', default: false },
    /** Run the app under `node --cpu-prof`, profiles into results/cpu/. */
    'cpu-prof': { type: 'boolean', default: false },
    /** Seconds per measured run instead of the profile's (longer runs for a CPU profile). */
    seconds: { type: 'string' },
  },
});

const named = profileNamed(args.profile ?? 'quick');
const seconds = args.seconds === undefined ? undefined : Number(args.seconds);
if (seconds !== undefined && !(seconds > 0)) throw new Error(`--seconds must be a positive number`);
const profile = seconds ? { ...named, durationS: seconds } : named;
const only = args.only ? new Set(args.only.split(',')) : undefined;
const unknown = [...(only ?? [])].filter((n) => !(SCENARIOS as readonly string[]).includes(n));
if (unknown.length)
  throw new Error(`--only: unknown scenarios ${unknown.join(', ')} (${SCENARIOS.join(', ')})`);
const wanted = (name: ScenarioName) => !only || only.has(name);
const log = (s: string) => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${s}`);
const t0 = performance.now();

// Everything started is stopped in reverse order, once, whatever ends the run.
const stops: (() => Promise<void>)[] = [];
let stopping: Promise<void> | undefined;
const stopAll = () => {
  stopping ??= (async () => {
    for (const stop of stops.reverse()) await stop().catch((e) => console.error('cleanup:', e));
  })();
  return stopping;
};
process.on('uncaughtException', (e) => {
  console.error('unexpected:', e);
  void stopAll().then(() => process.exit(1));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping what the benchmark started`);
    void stopAll().then(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const startedAt = new Date().toISOString();
  // Other work on the machine shows in every figure; the report says how busy it was.
  const loadAtStart = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  log(`profile ${profile.name}: ${profile.cases.toLocaleString('en')} cases`);
  const db = await startBenchDatabase(process.env.DATABASE_URL || undefined);
  stops.push(db.stop);
  log(`${db.version} ready; seeding`);
  const seedStart = performance.now();
  const fixtures = await seed(db.url, profile, log);
  const seedSeconds = Math.round((performance.now() - seedStart) / 1000);
  const c = fixtures.counts;
  const dataset = `${c.cases.toLocaleString('en')} cases, ${c.messages.toLocaleString('en')} messages, ${c.events.toLocaleString('en')} events, ${profile.customers.toLocaleString('en')} customers, ${profile.staff} staff, 2 teams`;
  log(`seeded in ${seedSeconds} s: ${dataset}`);
  if (args.explain) {
    await mkdir(RESULTS, { recursive: true });
    await writeExplain(db.url, fixtures, fixtures.agentId, path.join(RESULTS, `${profile.name}-explain.txt`));
    log(`plans written to bench/results/${profile.name}-explain.txt`);
  }

  const nodeArgs = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.join(RESULTS, 'cpu')}`] : [];
  const app = await startApp({ databaseUrl: db.url, port: await freePort(), nodeArgs, cwd: ROOT });
  stops.push(app.stop);
  log(`app ready in ${app.readyMs} ms (pid ${app.pid})`);
  await sleep(profile.name === 'smoke' ? 500 : 2000); // let start-up garbage be collected
  const rssIdle = await app.rssMb();
  const rss = sampleRss(app);
  stops.push(async () => rss.stop());
  const scenarios = await measure(db, app, fixtures, profile);
  rss.stop();
  // The jobs the writes queued, worked through by a worker process for twice a run's length.
  const worker =
    wanted('create_case') || wanted('add_reply')
      ? await drainWorker({
          databaseUrl: db.url,
          cwd: ROOT,
          seconds: 2 * profile.durationS,
          postmasterPid: db.postmasterPid,
          nodeArgs,
        })
      : undefined;
  if (worker)
    log(
      `worker: ${worker.jobs_done} jobs in ${worker.seconds} s (${worker.jobs_per_s}/s), ${worker.mails} mails (${worker.mails_per_s}/s), failed ${worker.failed}; CPU ms per job: app ${worker.cpu_app_ms}, database ${worker.cpu_db_ms}; backlog ${JSON.stringify(worker.backlog)}`,
    );

  const results: Results = {
    profile: profile.name,
    machine: machine(db),
    started_at: startedAt,
    ready_ms: app.readyMs,
    rss_idle_mb: rssIdle,
    rss_load_mb: Math.max(rss.max(), rssIdle),
    scenarios,
    ...(worker ? { worker } : {}),
  };
  const totalSeconds = Math.round((performance.now() - t0) / 1000);
  const load = `${loadAtStart} at the start, ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end`;
  const ctx = { dataset, runSeconds: profile.durationS, seedSeconds, totalSeconds, load };
  const written = await writeResults(RESULTS, results, ctx, Boolean(only || seconds));
  log(`results in bench/results/${written}.json and .md (${totalSeconds} s)`);
  // Any error fails the run. So does a scenario that completed nothing at any connection count (a
  // route that hangs); one count with nothing done in a short smoke run on a busy machine does not.
  const failed = scenarios.filter((s) => s.errors > 0);
  for (const s of failed) console.error(`errors: ${s.name} at ${s.connections} connections: ${s.errors}`);
  const names = [...new Set(scenarios.map((s) => s.name))];
  const idle = names.filter((n) => scenarios.every((s) => s.name !== n || s.rps === 0));
  for (const n of idle) console.error(`no request of ${n} completed at any connection count`);
  failed.push(...scenarios.filter((s) => idle.includes(s.name)));
  // A job that fails under the writes' backlog is a fault as much as an HTTP error is.
  const jobsFailed = (worker?.failed ?? 0) > 0;
  if (jobsFailed) console.error(`errors: ${worker?.failed} worker jobs failed, e.g. ${worker?.failure}`);
  if (failed.length > 0) console.error(`--- the app's last output ---\n${app.output() || '(none)'}`);
  return failed.length > 0 || jobsFailed ? 1 : 0;
}

/** Each scenario after a warm-up at 1, 16 and 64 connections; ceilings run right beside theirs. */
async function measure(db: BenchDatabase, app: AppProcess, f: Fixtures, p: Profile) {
  const out: ScenarioResult[] = [];
  const queueSql = await Promise.all(f.teamIds.map((t) => queuePageSql(f.workspaceId, f.agentId, t)));
  const ceilings = {
    create_case: { name: 'ceiling_create_case', work: createCaseWork(f) },
    queue_page: { name: 'ceiling_queue_page', work: queuePageWork(queueSql) },
  } as const;
  for (const name of SCENARIOS.filter(wanted)) {
    const request = scenarioRequest(name, f);
    const ceiling = name === 'create_case' || name === 'queue_page' ? ceilings[name] : undefined;
    await runHttp(app.baseUrl, name, request, 16, p.warmupS);
    if (ceiling) await runCeiling(db.url, ceiling.name, ceiling.work, 16, p.warmupS);
    for (const connections of CONNECTIONS) {
      // The ceiling runs just before its scenario, so both see the same machine and table sizes.
      if (ceiling) {
        const waits = await sampleWaits(db.url);
        const cpu = await cpuMeter(null, db.postmasterPid);
        const c = await runCeiling(db.url, ceiling.name, ceiling.work, connections, p.durationS);
        out.push(c);
        log(`${line(c)}\n    ${await cpu(c)}; backends: ${await waits.stop()}`);
      }
      const waits = await sampleWaits(db.url);
      const cpu = await cpuMeter(app.pid, db.postmasterPid);
      const { result, statuses } = await runHttp(app.baseUrl, name, request, connections, p.durationS);
      out.push(result);
      log(`${line(result)}\n    ${await cpu(result)}; backends: ${await waits.stop()}`);
      if (result.errors > 0) {
        log(`  answers by status: ${JSON.stringify(statuses)}; e.g. ${await probe(app.baseUrl, request)}`);
      }
    }
    if (name === 'queue_counts' || name === 'queue_page') out.push(await whileChanging(name, db, app, f, p));
  }
  return out;
}

/** Replies a second beside the `_changing` runs: a busy desk's changes (docs/performance.md, Method). */
const CHANGES_PER_S = 50;

/**
 * The counts or the queue page at 16 connections while replies arrive: each app process keeps a
 * workspace's counters and staff queue pages until the workspace changes (infra/workspace-cache.ts),
 * so the plain runs, where nothing changes, measure that kept copy; this one measures it being read
 * again after every change. A refused reply is an error of the run. No CPU per request: the
 * replies' would be in it.
 */
async function whileChanging(
  name: 'queue_counts' | 'queue_page',
  db: BenchDatabase,
  app: AppProcess,
  f: Fixtures,
  p: Profile,
) {
  const waits = await sampleWaits(db.url);
  const writer = steadyReplies(app.baseUrl, f, CHANGES_PER_S);
  const request = scenarioRequest(name, f);
  const { result } = await runHttp(app.baseUrl, `${name}_changing`, request, 16, p.durationS);
  const { sent, refused } = await writer.stop();
  result.errors += refused;
  log(`${line(result)}, beside ${sent} replies (${refused} refused); backends: ${await waits.stop()}`);
  return result;
}

/**
 * Cores used by the app, the database and this process (the load generator) over a run: with 2
 * cores shared by all three, it shows who had the CPU. Also records on the result the CPU
 * milliseconds each request cost the app and the database.
 */
async function cpuMeter(appPid: number | null, postmasterPid: number | undefined) {
  const appNow = () => (appPid ? cpuSeconds(appPid) : Promise.resolve(0));
  const dbNow = () => (postmasterPid ? clusterCpu(postmasterPid) : Promise.resolve(undefined));
  const [app0, db0, self0, t0] = [await appNow(), await dbNow(), process.cpuUsage(), performance.now()];
  return async (result: ScenarioResult) => {
    const wall = (performance.now() - t0) / 1000;
    const self = process.cpuUsage(self0);
    const db1 = await dbNow();
    const [app, db] = [(await appNow()) - app0, (db1?.total ?? 0) - (db0?.total ?? 0)];
    const gen = (self.user + self.system) / 1e6 / wall;
    const done = result.rps * wall;
    const perRequest = (cpu: number) => (done > 0 ? Number(((cpu * 1000) / done).toFixed(2)) : undefined);
    if (appPid) result.cpu_app_ms = perRequest(app);
    if (postmasterPid) result.cpu_db_ms = perRequest(db);
    const cores = [
      appPid && `app ${(app / wall).toFixed(2)}`,
      postmasterPid &&
        `database ${(db / wall).toFixed(2)}${db0 && db1 ? ` (${clusterShares(db0, db1, wall)})` : ''}`,
      `load generator ${gen.toFixed(2)}`,
    ].filter(Boolean);
    const costs = [
      result.cpu_app_ms !== undefined && `app ${result.cpu_app_ms}`,
      result.cpu_db_ms !== undefined && `database ${result.cpu_db_ms}`,
    ].filter(Boolean);
    return `cores used: ${cores.join(', ')}${costs.length ? `; CPU ms per request: ${costs.join(', ')}` : ''}`;
  };
}

/**
 * Who in the cluster used the CPU over a run, in cores: client backends, each kind of background
 * process (autovacuum, checkpointer…) that used any, and processes that exited during the run
 * (counted in the postmaster's reaped-children time, so not by kind: autovacuum workers finish).
 */
function clusterShares(before: ClusterCpu, after: ClusterCpu, wall: number): string {
  const byKind = new Map<string, number>();
  let seen = 0;
  for (const [pid, c] of after.children) {
    const used = c.seconds - (before.children.get(pid)?.seconds ?? 0);
    byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + used);
    seen += used;
  }
  const exited = after.total - before.total - seen;
  const cores = (s: number) => (s / wall).toFixed(2);
  const background = [...byKind]
    .filter(([kind, s]) => kind !== 'backend' && s / wall >= 0.01)
    .map(([kind, s]) => `${kind} ${cores(s)}`);
  if (exited / wall >= 0.01) background.push(`exited during the run ${cores(exited)}`);
  return `backends ${cores(byKind.get('backend') ?? 0)}${background.length ? `, ${background.join(', ')}` : ''}`;
}

const line = (s: ScenarioResult) =>
  `${s.name.padEnd(20)} c=${String(s.connections).padStart(2)} ${s.rps.toFixed(0).padStart(6)}/s  p50 ${s.p50_ms} p95 ${s.p95_ms} p99 ${s.p99_ms} ms  errors ${s.errors}`;

function machine(db: BenchDatabase): string {
  const cpu = cpus();
  const memory = Math.round(totalmem() / 2 ** 30);
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${memory} GB RAM, Node ${process.version}, ${db.version}`;
}

// Last, so every helper above is initialised. Exit explicitly: a pool or timer left behind by a
// failure must not keep a finished benchmark hanging.
let code = 1;
try {
  code = await main();
} catch (e) {
  console.error(e);
} finally {
  await stopAll();
}
process.exit(code);
