import { EventEmitter } from 'node:events';
import { parseArgs } from 'node:util';
import { type Runner, run, type WorkerEvents } from 'graphile-worker';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { DEMO_SIGN_INS, seedDemo } from './demo/index.ts';
import type { Deps } from './deps.ts';
import { type InboundSmtp, startInboundSmtp } from './features/email/index.ts';
import { findDemoWorkspace } from './features/workspaces/index.ts';
import { systemClock } from './infra/clock.ts';
import { createDb, createPool } from './infra/db.ts';
import { type EmbeddedCluster, ensureDatabase, startEmbeddedPostgres } from './infra/embedded-pg.ts';
import { createLogger } from './infra/logger.ts';
import { createMailer } from './infra/mailer.ts';
import { releaseStartupGarbage } from './infra/memory.ts';
import { migrateToLatest, vacuumAfterMigrations } from './infra/migrate.ts';
import { type OutboxSweeper, startOutboxSweeper } from './infra/outbox.ts';
import { createDiskStorage } from './infra/storage.ts';
import { type WorkerLiveness, watchWorkerPool } from './infra/worker-liveness.ts';
import { workerLogger } from './infra/worker-logger.ts';
import { jobs } from './jobs.ts';

const { values: args } = parseArgs({
  options: { role: { type: 'string', default: 'all' }, demo: { type: 'boolean', default: false } },
});
const role = args.role as 'web' | 'worker' | 'all';
if (!['web', 'worker', 'all'].includes(role)) {
  console.error(`--role must be web, worker or all (got ${args.role})`);
  process.exit(2);
}

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);
const started = performance.now();
if (!config.SECRET_KEY)
  log.warn(
    config.NODE_ENV === 'production'
      ? 'SECRET_KEY is not set: IMAP passwords cannot be saved'
      : 'SECRET_KEY is not set: IMAP passwords are sealed with a fixed development key',
  );
// Without a relay the mailer writes each mail to the log, sign-in links and invitations included.
if (!config.SMTP_URL && config.NODE_ENV === 'production')
  log.warn(
    'SMTP_URL is not set: sign-in links and invitations are written to this log (anyone who reads it can use them) and customer mail stays in the outgoing mail table',
  );

let cluster: EmbeddedCluster | undefined;
let databaseUrl = config.DATABASE_URL;
if (!databaseUrl) {
  log.info(
    { dir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT },
    'no DATABASE_URL: starting the embedded PostgreSQL',
  );
  cluster = await startEmbeddedPostgres({
    dir: config.EMBEDDED_PG_DIR,
    port: config.EMBEDDED_PG_PORT,
    persistent: true,
    ownProcessGroup: true,
    log: (line) => log.debug({ pg: line.trim() }, 'postgres'),
  });
  await ensureDatabase(cluster, 'fairdesk');
  databaseUrl = cluster.url('fairdesk');
}

const pool = createPool(databaseUrl, config.DATABASE_POOL_SIZE);
const db = createDb(pool);
const applied = await migrateToLatest(db, pool);
if (applied.length) {
  const started = Date.now();
  await vacuumAfterMigrations(pool);
  log.info({ applied, vacuum_ms: Date.now() - started }, 'migrations applied');
}

const deps: Deps = {
  config,
  db,
  pool,
  clock: systemClock,
  log,
  mailer: createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, log }),
  storage: createDiskStorage(config.STORAGE_DIR),
};

// The demo goes only into the embedded database, or wherever --demo explicitly asks for it.
let demo = await findDemoWorkspace(deps);
if (!demo && (config.embedded || args.demo)) {
  log.info('seeding the demo workspace (first run)');
  demo = await seedDemo(deps);
}

let runner: Runner | undefined;
let liveness: WorkerLiveness | undefined;
let outboxSweeper: OutboxSweeper | undefined;
if (role !== 'web') {
  // Queues the jobs and sends the notes of writes whose own flush did not happen (infra/outbox.ts).
  outboxSweeper = startOutboxSweeper({ pool, log });
  const events = new EventEmitter() as WorkerEvents;
  let poolId: string | undefined;
  events.on('pool:create', ({ workerPool }) => {
    poolId = workerPool.id;
  });
  runner = await run({
    events,
    pgPool: pool,
    taskList: jobs(deps),
    crontab: '',
    logger: workerLogger(log),
    concurrency: 4,
    noHandleSignals: true,
    pollInterval: 2000,
    // Completions that finish in the same tick are deleted by one statement: 13% more jobs a
    // second through a backlog (docs/decisions.md, 2026-12-05). A process killed in that tick
    // leaves them locked; watchWorkerPool below frees them and they run again (handlers are
    // idempotent). The local queue (batched fetching) is left off: graphile-worker 0.17-0.18
    // throws on a graceful stop while it holds jobs.
    preset: { worker: { completeJobBatchDelay: 0 } },
  });
  // Jobs a killed worker held are freed at once, not after graphile-worker's 4 hours.
  if (poolId)
    liveness = await watchWorkerPool({ clientConfig: { connectionString: databaseUrl }, poolId, db, log });
}

// Inbound mail is accepted by the worker side; 0 turns the listener off.
let inboundSmtp: InboundSmtp | undefined;
if (role !== 'web' && config.INBOUND_SMTP_PORT > 0) {
  inboundSmtp = await startInboundSmtp(deps, {
    host: config.INBOUND_SMTP_HOST,
    port: config.INBOUND_SMTP_PORT,
  });
}

const app = role !== 'worker' ? await buildApp(deps) : undefined;
if (app) {
  await app.listen({ port: config.PORT, host: config.HOST });
  const ms = Math.round(performance.now() - started);
  const lines = [
    `Fairdesk is ready at ${config.PUBLIC_URL} (role ${role}, ${ms} ms)`,
    `API docs: ${config.PUBLIC_URL}/api/docs`,
  ];
  if (demo) {
    lines.push('Demo sign-ins (password "fairdesk"):');
    for (const s of DEMO_SIGN_INS) lines.push(`  ${s.who.padEnd(12)} ${s.email}`);
  }
  console.log(`\n${lines.join('\n')}\n`);
}
releaseStartupGarbage(500);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: finishing requests and jobs in flight');
  await app?.close();
  await inboundSmtp?.close();
  await runner?.stop();
  deps.mailer.close();
  await outboxSweeper?.stop();
  await liveness?.stop();
  await db.destroy();
  await cluster?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
