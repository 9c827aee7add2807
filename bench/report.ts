// Writes the results: latest.json in the shape other tools read (plus `worker`, the one key the
// issue's shape does not name), and latest.md for people, with each scenario's ratio to its ceiling
// and the targets of issue 3 marked.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONNECTIONS, type ProfileName } from './profiles.ts';
import type { ScenarioResult } from './stats.ts';
import type { WorkerDrain } from './worker.ts';

export type Results = {
  profile: ProfileName;
  machine: string;
  started_at: string;
  ready_ms: number;
  rss_idle_mb: number;
  rss_load_mb: number;
  scenarios: ScenarioResult[];
  /** The worker through the write scenarios' backlog (absent when no write scenario ran). */
  worker?: WorkerDrain;
};

/** What the Markdown says besides the figures: dataset and timings. */
export type Context = {
  dataset: string;
  runSeconds: number;
  seedSeconds: number;
  totalSeconds: number;
  /** Load averages (1, 5, 15 min) at the start and end: how busy the machine was otherwise. */
  load: string;
};

/**
 * Writes <profile>.json/.md and copies them to latest.*: the per-profile files keep quick and full
 * side by side. A partial run (--only, --seconds) writes only partial.*, so it never passes for a
 * profile's results.
 */
export async function writeResults(dir: string, r: Results, ctx: Context, partial: boolean): Promise<string> {
  await mkdir(dir, { recursive: true });
  const base = partial ? 'partial' : r.profile;
  await writeFile(path.join(dir, `${base}.json`), `${JSON.stringify(r, null, 2)}\n`);
  await writeFile(path.join(dir, `${base}.md`), markdown(r, ctx));
  if (partial) return base;
  await copyFile(path.join(dir, `${base}.json`), path.join(dir, 'latest.json'));
  await copyFile(path.join(dir, `${base}.md`), path.join(dir, 'latest.md'));
  return base;
}

const CEILING_OF: Record<string, string> = {
  create_case: 'ceiling_create_case',
  queue_page: 'ceiling_queue_page',
  // Pages read again after every reply, against the database reading every page (16 connections).
  queue_page_changing: 'ceiling_queue_page',
};

const find = (r: Results, name: string, c: number) =>
  r.scenarios.find((s) => s.name === name && s.connections === c);

/** A scenario's throughput as a share of its ceiling at the same connection count. */
export function ratio(r: Results, s: ScenarioResult): number | undefined {
  const ceiling = CEILING_OF[s.name] && find(r, CEILING_OF[s.name]!, s.connections);
  return ceiling && ceiling.rps > 0 ? s.rps / ceiling.rps : undefined;
}

const pct = (x: number | undefined) => (x === undefined ? '' : `${Math.round(x * 100)}%`);
const ms = (s: ScenarioResult, key: 'p50_ms' | 'p95_ms' | 'p99_ms') => (s.rps > 0 ? String(s[key]) : '—');
const num = (x: number) => x.toLocaleString('en', { maximumFractionDigits: x < 100 ? 1 : 0 });

export function markdown(r: Results, ctx: Context): string {
  const rows = r.scenarios.map(
    (s) =>
      // A run in which nothing completed has no latencies to show (JSON keeps its zeros).
      `| ${s.name} | ${s.connections} | ${num(s.rps)} | ${ms(s, 'p50_ms')} | ${ms(s, 'p95_ms')} | ${ms(s, 'p99_ms')} | ${s.errors} | ${pct(ratio(r, s))} | ${s.cpu_app_ms ?? ''} | ${s.cpu_db_ms ?? ''} |`,
  );
  return [
    `# Fairdesk benchmark: ${r.profile} profile`,
    '',
    `- Machine: ${r.machine}`,
    `- Load average: ${ctx.load}`,
    `- Started: ${r.started_at}; seeding ${ctx.seedSeconds} s, whole run ${ctx.totalSeconds} s`,
    `- Dataset: ${ctx.dataset}`,
    `- Each run: ${ctx.runSeconds} s after a warm-up; latencies in ms; errors are non-2xx answers, socket errors and timeouts`,
    `- Start to ready with existing data: ${r.ready_ms} ms; app RSS idle ${r.rss_idle_mb} MB, under load (max) ${r.rss_load_mb} MB`,
    '',
    '| scenario | connections | req/s | p50 | p95 | p99 | errors | of ceiling | app CPU ms/req | db CPU ms/req |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    '"of ceiling": requests/s as a share of the same work done by plain SQL through `pg` at the same',
    'number of connections, in the same run (see docs/performance.md).',
    '',
    ...(r.worker ? workerSection(r.worker) : []),
    '## Targets (issue 3)',
    '',
    ...(r.profile === 'smoke'
      ? ['_Smoke profile: the marks are informative only; the targets apply to quick and full._', '']
      : []),
    '| target | applies to | measured | met |',
    '|---|---|---|:-:|',
    ...targets(r).map((t) => `| ${t.target} | ${t.appliesTo} | ${t.measured} | ${t.met ? '✅' : '❌'} |`),
    '',
  ].join('\n');
}

function workerSection(w: WorkerDrain): string[] {
  const backlog = Object.entries(w.backlog)
    .map(([task, n]) => `${task} ${num(n)}`)
    .join(', ');
  return [
    "## The worker through the writes' backlog",
    '',
    `- Backlog when it started: ${backlog}`,
    `- In ${w.seconds} s from its first finished job: ${num(w.jobs_done)} jobs (${num(w.jobs_per_s)}/s), ${num(w.mails)} mails over SMTP (${num(w.mails_per_s)}/s); jobs failed: ${w.failed}; still waiting at the end: ${num(w.waiting_at_end)}`,
    ...(w.mails === 0 && w.waiting_at_end > 0
      ? ["- No mail yet: a reply's mail is an `email.send` job that `email.reply` queues behind the backlog"]
      : []),
    `- CPU ms per job: app ${w.cpu_app_ms ?? '—'}, database ${w.cpu_db_ms ?? '—'}`,
    '',
  ];
}

type Target = { target: string; appliesTo: string; measured: string; met: boolean };
type Check = { c: number; value: number | undefined; ok: boolean; text: string };

/** A per-connection-count check, shown as `16: 1,234/s ✅ · 64: …`; met only when every count is. */
function perConnection(
  counts: readonly number[],
  check: (c: number) => Check | undefined,
): Pick<Target, 'measured' | 'met'> {
  const checks = counts.map(check);
  const measured = checks
    .map((k, i) => `${counts[i]}: ${k ? `${k.text} ${k.ok ? '✅' : '❌'}` : 'not run ❌'}`)
    .join(' · ');
  return { measured, met: checks.every((k) => k?.ok) };
}

const latency = (r: Results, name: string, key: 'p95_ms' | 'p99_ms', limit: number) => (c: number) => {
  const s = find(r, name, c);
  if (!s) return undefined;
  const ok = s.rps > 0 && s[key] <= limit && s.errors === 0;
  return { c, value: s[key], ok, text: s.rps > 0 ? `${s[key]} ms` : 'nothing completed' };
};

export function targets(r: Results): Target[] {
  const busy = CONNECTIONS.filter((c) => c >= 16);
  return [
    {
      target: 'create case ≥ 1,000/s and ≥ 50% of the ceiling (16+ connections)',
      appliesTo: 'all',
      ...perConnection(busy, (c) => {
        const s = find(r, 'create_case', c);
        const share = s && ratio(r, s);
        if (!s || share === undefined) return undefined;
        return {
          c,
          value: s.rps,
          ok: s.rps >= 1000 && share >= 0.5 && s.errors === 0,
          text: `${num(s.rps)}/s, ${pct(share)}`,
        };
      }),
    },
    {
      target: 'add reply ≥ 1,000/s (16+ connections)',
      appliesTo: 'all',
      ...perConnection(busy, (c) => {
        const s = find(r, 'add_reply', c);
        return s && { c, value: s.rps, ok: s.rps >= 1000 && s.errors === 0, text: `${num(s.rps)}/s` };
      }),
    },
    {
      target: 'queue page p99 ≤ 25 ms',
      appliesTo: 'quick, full',
      ...perConnection(CONNECTIONS, latency(r, 'queue_page', 'p99_ms', 25)),
    },
    {
      // The plain runs change nothing, so they read the app's kept copy (infra/workspace-cache.ts);
      // the same target must hold while the desk changes and the pages are read again.
      target: 'queue page p99 ≤ 25 ms while replies arrive (50/s)',
      appliesTo: 'quick, full',
      ...perConnection([16], latency(r, 'queue_page_changing', 'p99_ms', 25)),
    },
    {
      target: 'case view p99 ≤ 25 ms',
      appliesTo: 'quick, full',
      ...perConnection(CONNECTIONS, latency(r, 'case_view', 'p99_ms', 25)),
    },
    {
      target: 'search p95 ≤ 50 ms',
      appliesTo: 'full',
      ...perConnection(CONNECTIONS, latency(r, 'search', 'p95_ms', 50)),
    },
    {
      target: 'queue counts p99 ≤ 10 ms',
      appliesTo: 'full',
      ...perConnection(CONNECTIONS, latency(r, 'queue_counts', 'p99_ms', 10)),
    },
    {
      target: 'queue counts p99 ≤ 10 ms while replies arrive (50/s)',
      appliesTo: 'full',
      ...perConnection([16], latency(r, 'queue_counts_changing', 'p99_ms', 10)),
    },
    {
      target: 'app RSS idle ≤ 200 MB',
      appliesTo: 'all',
      measured: `${r.rss_idle_mb} MB`,
      met: r.rss_idle_mb <= 200,
    },
    {
      target: 'app RSS under load ≤ 400 MB',
      appliesTo: 'all',
      measured: `${r.rss_load_mb} MB`,
      met: r.rss_load_mb <= 400,
    },
    {
      target: 'start to ready, existing data ≤ 3 s',
      appliesTo: 'all',
      measured: `${r.ready_ms} ms`,
      met: r.ready_ms <= 3000,
    },
  ];
}
