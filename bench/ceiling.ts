// The ceiling: the same work as two scenarios done by plain SQL through `pg`, with the same number of
// concurrent clients and no HTTP, no validation, no serialisation. Statements are prepared (named),
// so this is the best a client can get from this database on this machine; each HTTP figure is then
// read as a share of it, a ratio that holds on a faster or a noisier machine.
import type pg from 'pg';
import { GENERIC_PLAN } from '../apps/server/src/infra/db.ts';
import type { QueuePage } from './capture.ts';
import { connect } from './cluster.ts';
import type { Fixtures } from './seed.ts';
import { type ScenarioResult, summarise } from './stats.ts';
import { body, subject } from './vocabulary.ts';

export const CEILINGS = ['ceiling_create_case', 'ceiling_queue_page'] as const;
export type CeilingName = (typeof CEILINGS)[number];

type Work = (c: pg.Client) => Promise<unknown>;
const any = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/** Take the next case number, insert the case and its first message, in one transaction. */
export function createCaseWork(f: Fixtures): Work {
  return async (c) => {
    await c.query('begin');
    try {
      // The number as the app takes it: the workspace's sequence (migration 20261122T2410; it
      // replaced the `workspaces.next_case_number` row lock, which the app no longer updates).
      const { rows } = await c.query({
        name: 'ceiling_number',
        text: 'select take_case_number($1) + 1 as next_case_number',
        values: [f.workspaceId],
      });
      const customer = any(f.customerIds);
      const created = await c.query({
        name: 'ceiling_case',
        text: `insert into cases (workspace_id, number, subject, channel, customer_id, message_count,
            last_message_at, created_at, updated_at)
          values ($1, $2, $3, 'api', $4, 1, now(), now(), now()) returning id`,
        values: [f.workspaceId, rows[0].next_case_number - 1, subject(), customer],
      });
      await c.query({
        name: 'ceiling_message',
        text: `insert into messages (workspace_id, case_id, visibility, author_kind, author_customer_id, body,
            created_at) values ($1, $2, 'public', 'customer', $3, $4, now())`,
        values: [f.workspaceId, created.rows[0].id, customer, body()],
      });
      await c.query('commit');
    } catch (e) {
      await c.query('rollback').catch(() => {});
      throw e;
    }
  };
}

/**
 * The app's own queue-page statement (captured from the cases feature), one team or the other. The
 * app runs it with one generic plan per connection (the GENERIC_PLAN mark, infra/db.ts); so does
 * the ceiling, or it would plan it on every execution and do more work than the app.
 */
export function queuePageWork(byTeam: QueuePage[]): Work {
  const generic = new WeakSet<pg.Client>();
  return async (c) => {
    const s = any(byTeam);
    if (s.page.sql.endsWith(GENERIC_PLAN) && !generic.has(c)) {
      await c.query('set plan_cache_mode = force_generic_plan');
      generic.add(c);
    }
    await c.query({ name: 'ceiling_queue', text: s.page.sql, values: [...s.page.parameters] });
  };
}

/** `connections` clients, each doing the work back to back for `seconds`. */
export async function runCeiling(
  url: string,
  name: CeilingName,
  work: Work,
  connections: number,
  seconds: number,
): Promise<ScenarioResult> {
  const clients = await Promise.all(Array.from({ length: connections }, () => connect(url)));
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  try {
    await Promise.all(
      clients.map(async (c) => {
        while (performance.now() < deadline) {
          const t = performance.now();
          try {
            await work(c);
            latencies.push(performance.now() - t);
          } catch {
            // A failed statement is counted and ends this client's loop: retrying at once would
            // spin when the database has gone away, and any error already fails the run.
            errors++;
            return;
          }
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  }
  return summarise(name, connections, latencies, (performance.now() - started) / 1000, errors);
}
