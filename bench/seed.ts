// Seeds the benchmark workspace through the bulk path (set-based SQL in batches, two connections),
// never through the HTTP API: the point is a large realistic dataset in seconds, not a test of writes.
import pg from 'pg';
import { demoSlaSetup } from '../apps/server/src/features/sla/sla.demo.ts';
import { insertCalendar, insertPolicy } from '../apps/server/src/features/sla/sla.queries.ts';
import { createDb } from '../apps/server/src/infra/db.ts';
import { newToken, tokenHash } from '../apps/server/src/infra/tokens.ts';
import type { Profile } from './profiles.ts';
import { INSERT_CASE_SLA, INSERT_CASES, INSERT_EVENTS, INSERT_MESSAGES } from './seed-sql.ts';
import { WORDS } from './vocabulary.ts';

export type Fixtures = {
  workspaceId: string;
  teamIds: string[];
  customerIds: string[];
  /** A sample of cases to read, and those of them that can take a reply (neither solved nor closed). */
  caseIds: string[];
  replyCaseIds: string[];
  agentId: string;
  agentToken: string;
  adminToken: string;
  counts: { cases: number; messages: number; events: number };
};

const SAMPLE = 20_000;
const PARALLEL = 2; // the machine has 2 cores; PostgreSQL does the work, one backend per core

export async function seed(url: string, profile: Profile, log: (s: string) => void): Promise<Fixtures> {
  // Bulk-load settings for the seeding sessions only; the app and the ceiling run with the defaults.
  const options = '-c synchronous_commit=off -c maintenance_work_mem=256MB';
  const pool = new pg.Pool({ connectionString: url, max: PARALLEL, options });
  pool.on('error', () => {}); // an idle connection dying (cluster stopped by Ctrl-C) is not a crash
  try {
    const people = await seedPeople(pool, profile);
    await withGinBuiltAfter(pool, log, () => seedCases(pool, profile, people, log));
    return await finish(pool, profile, people, log);
  } finally {
    await pool.end();
  }
}

type People = {
  workspaceId: string;
  teamIds: string[];
  agentsByTeam: string[][];
  customerIds: string[];
  /** The demo's policy for each priority (one each). */
  policyByPriority: Record<string, string>;
};

async function seedPeople(pool: pg.Pool, p: Profile): Promise<People> {
  const one = async (text: string, values: unknown[] = []) => (await pool.query(text, values)).rows;
  const [ws] = await one(`insert into workspaces (slug, name) values ('bench', 'Bench') returning id`);
  const workspaceId: string = ws.id;
  const teams = await one(
    `insert into teams (workspace_id, name) select $1, unnest(array['Support', 'Billing']) returning id`,
    [workspaceId],
  );
  const teamIds: string[] = teams.map((t) => t.id);
  // Staff 1 is the admin; the others are agents, alternating between the two teams.
  const staff = await one(
    `insert into staff (workspace_id, email, name, role)
     select $1, 'staff' || i || '@bench.example', 'Staff ' || i,
       (case when i = 1 then 'admin' else 'agent' end)::staff_role
     from generate_series(1, $2::int) i order by i returning id, role`,
    [workspaceId, p.staff],
  );
  const agents = staff.filter((s) => s.role === 'agent').map((s) => s.id as string);
  const agentsByTeam = [agents.filter((_, i) => i % 2 === 0), agents.filter((_, i) => i % 2 === 1)];
  await one(
    `insert into team_members (workspace_id, team_id, staff_id)
     select $1::uuid, $2::uuid, unnest($3::uuid[]) union all select $1, $4, unnest($5::uuid[])`,
    [workspaceId, teamIds[0], agentsByTeam[0], teamIds[1], agentsByTeam[1]],
  );
  const customers = await one(
    `insert into customers (workspace_id, name, email)
     select $1, 'Customer ' || i, 'customer' || i || '@bench.example' from generate_series(1, $2::int) i
     returning id, email`,
    [workspaceId, p.customers],
  );
  await one(
    `insert into customer_emails (workspace_id, customer_id, email)
     select workspace_id, id, email from customers where workspace_id = $1`,
    [workspaceId],
  );
  // The demo's calendar and policies, written as the app writes them: a reply or a new case is then
  // recomputed by the worker as on a real desk (business hours, holidays), and the seeded targets
  // name their policy.
  const db = createDb(pool);
  const { calendar, policies } = demoSlaSetup();
  await insertCalendar(db, { workspace_id: workspaceId, ...calendar });
  const policyByPriority: Record<string, string> = {};
  for (const { priority, policy } of policies) {
    policyByPriority[priority] = (await insertPolicy(db, { workspace_id: workspaceId, ...policy })).id;
  }
  return { workspaceId, teamIds, agentsByTeam, customerIds: customers.map((c) => c.id), policyByPriority };
}

async function seedCases(pool: pg.Pool, p: Profile, people: People, log: (s: string) => void) {
  const batches: [number, number][] = [];
  for (let from = 1; from <= p.cases; from += p.batch)
    batches.push([from, Math.min(p.cases, from + p.batch - 1)]);
  const agents = people.agentsByTeam.flat();
  let done = 0;
  const next = batches.entries();
  const worker = async () => {
    for (const [i, [from, to]] of next) {
      const c = await pool.connect();
      try {
        // A seed per batch keeps the dataset the same from run to run, whichever connection runs it.
        await c.query('select setseed($1)', [i / batches.length]);
        const range = [people.workspaceId, from, to];
        const { teamIds, agentsByTeam, customerIds } = people;
        const took = [
          await timed(() => c.query(INSERT_CASES, [...range, WORDS, teamIds, ...agentsByTeam, customerIds])),
          await timed(() => c.query(INSERT_MESSAGES, [...range, WORDS, agents])),
          await timed(() => c.query(INSERT_EVENTS, range)),
          await timed(() => c.query(INSERT_CASE_SLA, [...range, people.policyByPriority])),
        ];
        done += to - from + 1;
        const of = `${done.toLocaleString('en')} / ${p.cases.toLocaleString('en')}`;
        log(
          `  ${of} cases (this batch: cases ${took[0]} s, messages ${took[1]} s, events ${took[2]} s, service levels ${took[3]} s)`,
        );
      } finally {
        c.release();
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

/**
 * The full-text indexes of subjects (`case_search`, which a trigger on cases writes) and messages are
 * dropped for the load and built after it from their own definitions, as a restore builds them:
 * inserted row by row, the GIN index keyed by day and word (migration 20261125T0100_search_by_day)
 * made the load about twice as slow; the four are built at once in 115-173 s on the full profile
 * (docs/decisions.md 2026-11-30).
 */
async function withGinBuiltAfter(pool: pg.Pool, log: (s: string) => void, load: () => Promise<void>) {
  const { rows } = await pool.query<{ name: string; def: string }>(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as def
     from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
     where am.amname = 'gin' and i.indrelid in ('case_search'::regclass, 'messages'::regclass)`,
  );
  for (const r of rows) await pool.query(`drop index ${pg.escapeIdentifier(r.name)}`);
  await load();
  const started = performance.now();
  await Promise.all(rows.map((r) => pool.query(r.def)));
  log(`  full-text indexes built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const timed = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return ((performance.now() - t) / 1000).toFixed(1);
};

async function finish(
  pool: pg.Pool,
  p: Profile,
  people: People,
  log: (s: string) => void,
): Promise<Fixtures> {
  const ws = people.workspaceId;
  await pool.query(`update workspaces set next_case_number = $2 + 1 where id = $1`, [ws, p.cases]);
  // The app takes case numbers from the workspace's sequence (migration 20261122T2410).
  await pool.query(`select setval(case_number_seq($1)::regclass, $2)`, [ws, p.cases]);
  // New events must continue after the seeded ones, or their seq would collide.
  await pool.query(
    `insert into event_chains (workspace_id, last_seq, last_hash)
     select $1, max(seq), '\\x00' from events where workspace_id = $1`,
    [ws],
  );
  const [agentToken, adminToken] = [newToken(), newToken()];
  const agentId = people.agentsByTeam[0]![0]!;
  await pool.query(
    `insert into sessions (token_hash, workspace_id, kind, staff_id, user_agent, expires_at)
     select unnest($2::bytea[]), $1, 'token', unnest($3::uuid[]), 'fairdesk-bench', now() + interval '30 days'`,
    [ws, [tokenHash(agentToken), tokenHash(adminToken)], [agentId, await adminId(pool, ws)]],
  );
  log('  vacuum analyze');
  // A steady-state database has been vacuumed (visibility map, hint bits) and analysed by autovacuum;
  // doing it now keeps that work out of the measured runs.
  await pool.query('vacuum analyze');
  // And its dirty pages written out: otherwise the checkpoint after a bulk load writes gigabytes
  // during the first measured runs (the full profile's reads then waited on the disk).
  log('  checkpoint');
  await pool.query('checkpoint').catch((e: Error) => log(`  (no checkpoint: ${e.message})`));
  const counts = await countRows(pool, ws);
  const sample = await sampleCases(pool, ws, p.cases);
  return {
    workspaceId: ws,
    teamIds: people.teamIds,
    customerIds: people.customerIds,
    ...sample,
    agentId,
    agentToken,
    adminToken,
    counts,
  };
}

const adminId = async (pool: pg.Pool, ws: string): Promise<string> =>
  (await pool.query(`select id from staff where workspace_id = $1 and role = 'admin' limit 1`, [ws])).rows[0]
    .id;

async function countRows(pool: pg.Pool, ws: string) {
  const { rows } = await pool.query(
    `select (select count(*) from cases where workspace_id = $1)::int as cases,
       (select count(*) from messages where workspace_id = $1)::int as messages,
       (select count(*) from events where workspace_id = $1)::int as events`,
    [ws],
  );
  return rows[0] as Fixtures['counts'];
}

/** Random case ids by number (uniform over the whole history), and those still open to replies. */
async function sampleCases(pool: pg.Pool, ws: string, total: number) {
  const numbers = Array.from(
    { length: Math.min(SAMPLE, total) },
    () => 1 + Math.floor(Math.random() * total),
  );
  const { rows } = await pool.query(
    `select id, status from cases where workspace_id = $1 and number = any($2::int[])`,
    [ws, numbers],
  );
  return {
    caseIds: rows.map((r) => r.id as string),
    replyCaseIds: rows
      .filter((r) => r.status !== 'closed' && r.status !== 'solved')
      .map((r) => r.id as string),
  };
}
