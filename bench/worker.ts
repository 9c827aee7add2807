// The worker under the backlog the write scenarios left: every new case and reply queues jobs (the
// service-level recompute, routing, automations, the reply's mail). The HTTP runs measure the web
// role alone; here a worker process (`main.ts --role=worker`, as a split deployment runs it) works
// through that backlog for a bounded time, sending its mail to a real SMTP server on loopback, so
// the report says how many jobs and mails a second one worker does beside how many writes a second
// the web role takes.
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';
import { connect, freePort } from './cluster.ts';
import { clusterCpu, cpuSeconds, spawnServer, stopChild } from './server.ts';

export type WorkerDrain = {
  /** Jobs waiting when the worker started, by task. */
  backlog: Record<string, number>;
  seconds: number;
  jobs_done: number;
  jobs_per_s: number;
  mails: number;
  mails_per_s: number;
  /** Jobs still waiting at the end (0: the backlog was worked through). */
  waiting_at_end: number;
  /** Jobs that failed at least once by the end (each is retried later by graphile-worker). */
  failed: number;
  /** One failed job's task and error, to say what went wrong. */
  failure?: string;
  cpu_app_ms?: number;
  cpu_db_ms?: number;
};

/** A sink that accepts every mail over a real SMTP exchange and counts it. */
async function smtpSink() {
  let mails = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      stream.on('data', () => {});
      stream.on('end', () => {
        mails++;
        done();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails: () => mails,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function drainWorker(opts: {
  databaseUrl: string;
  cwd: string;
  seconds: number;
  postmasterPid?: number;
  nodeArgs?: string[];
}): Promise<WorkerDrain | undefined> {
  const db = await connect(opts.databaseUrl);
  const sink = await smtpSink();
  try {
    const { rows: byTask } = await db.query<{ task: string; n: number }>(
      `select task_identifier as task, count(*)::int as n from graphile_worker.jobs group by 1 order by 2 desc`,
    );
    const backlog = Object.fromEntries(byTask.map((r) => [r.task, r.n]));
    if (byTask.length === 0) return undefined;
    // The job id sequence says how many jobs were queued meanwhile (jobs may queue jobs).
    const { rows: seq } = await db.query<{ s: string }>(
      `select pg_get_serial_sequence('graphile_worker._private_jobs', 'id') as s`,
    );
    // The name comes from PostgreSQL, quoted as an identifier.
    const jobsState = `
      select (select count(*)::int from graphile_worker.jobs) as waiting,
        (select count(*)::int from graphile_worker.jobs where last_error is not null) as failed,
        (select last_value::bigint from ${seq[0]?.s}) as last_id`;
    const state = async () =>
      (await db.query<{ waiting: number; failed: number; last_id: string }>(jobsState)).rows[0]!;

    const { child, exited, output } = spawnServer({
      role: 'worker',
      cwd: opts.cwd,
      nodeArgs: opts.nodeArgs,
      env: { SMTP_URL: sink.url, INBOUND_SMTP_PORT: '0' },
      databaseUrl: opts.databaseUrl,
    });
    try {
      // Measured from its first finished job: start-up (migration checks, the task list) is not work.
      const first = await state();
      const deadline = performance.now() + 60_000;
      let s0 = await state();
      while (s0.waiting >= first.waiting && s0.last_id === first.last_id) {
        if (child.exitCode !== null) throw new Error(`the worker exited with code ${child.exitCode}`);
        if (performance.now() > deadline) throw new Error('the worker finished no job within 60 s');
        await sleep(50);
        s0 = await state();
      }
      const [app0, db0, mails0, t0] = [
        await cpuSeconds(child.pid ?? 0),
        opts.postmasterPid ? await clusterCpu(opts.postmasterPid) : undefined,
        sink.mails(),
        performance.now(),
      ];
      let s1 = s0;
      while (performance.now() - t0 < opts.seconds * 1000) {
        await sleep(250);
        s1 = await state();
        if (s1.waiting === 0) break;
      }
      const wall = (performance.now() - t0) / 1000;
      const app = (await cpuSeconds(child.pid ?? 0)) - app0;
      const dbCpu = opts.postmasterPid ? (await clusterCpu(opts.postmasterPid)).total - (db0?.total ?? 0) : 0;
      const done = s0.waiting + (Number(s1.last_id) - Number(s0.last_id)) - s1.waiting;
      const mails = sink.mails() - mails0;
      const { rows: failures } = await db.query<{ task: string; error: string }>(
        `select task_identifier as task, last_error as error from graphile_worker.jobs
         where last_error is not null limit 1`,
      );
      const perJob = (cpu: number) => (done > 0 ? Number(((cpu * 1000) / done).toFixed(2)) : undefined);
      return {
        backlog,
        seconds: Number(wall.toFixed(1)),
        jobs_done: done,
        jobs_per_s: Number((done / wall).toFixed(1)),
        mails,
        mails_per_s: Number((mails / wall).toFixed(1)),
        waiting_at_end: s1.waiting,
        failed: s1.failed,
        ...(failures[0] ? { failure: `${failures[0].task}: ${failures[0].error}` } : {}),
        cpu_app_ms: perJob(app),
        cpu_db_ms: opts.postmasterPid ? perJob(dbCpu) : undefined,
      };
    } catch (e) {
      throw new Error(`${(e as Error).message}\n--- worker output ---\n${output()}`);
    } finally {
      await stopChild(child, exited);
    }
  } finally {
    await sink.stop();
    await db.end().catch(() => {});
  }
}
