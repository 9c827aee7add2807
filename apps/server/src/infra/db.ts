import {
  Kysely,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  type RawBuilder,
  sql,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { DB } from './db.types.ts';
import { createOutboxFlusher, writesOutbox } from './outbox.ts';
import { parseTimestamptz } from './pg-dates.ts';
import { withObjectRows } from './pg-rows.ts';

export type { DB } from './db.types.ts';
export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Anything queries can run on: the pool or a transaction. */
export type Executor = Kysely<DB>;

// int8 (bigint) as number: our bigints are counters and sizes well inside 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// timestamptz read by character position (pg-dates.ts), the same Dates as pg's own parser.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, parseTimestamptz);

export function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/**
 * Statement texts the app has sent, each with its prepared-statement name. Kysely builds the same
 * text for the same query shape, so the set is small; past the cap (texts that vary, such as IN
 * lists of every length) statements go unnamed, as before.
 */
const MAX_PREPARED = 2000;
const names = new Map<string, string>();
// Full-text searches stay unnamed: how many rows a word matches varies by orders of magnitude, and
// a generic plan PostgreSQL may settle on after five executions would suit one word and not the next.
// Unless marked for a generic plan: a staff search's words only reach a function, whose own
// statements are planned once (search.queries.ts), so its plan is the same for every word.
const CUSTOM_PLANS_ONLY = /to_tsquery\(/;
const nameOf = (text: string): string | undefined => {
  if (CUSTOM_PLANS_ONLY.test(text) && !text.endsWith(GENERIC_PLAN)) return undefined;
  let name = names.get(text);
  if (!name && names.size < MAX_PREPARED) {
    name = `fd${names.size}`;
    names.set(text, name);
  }
  return name;
};

/**
 * Marks a statement (a trailing comment; `withGenericPlan`) to be run on a connection whose
 * prepared statements use one generic plan for any parameters (plan_cache_mode=force_generic_plan).
 * PostgreSQL's own choice keeps planning some statements on every execution because its estimate of
 * the generic plan is worse, while the plan it picks each time is the same: the queue by due time
 * spent ~1 ms of its ~2 ms of database CPU planning (docs/performance-history.md, 2026-11-25).
 * Only for statements whose best plan does not depend on the values (walks of one index in its
 * order, filtered, or a function's rows joined by primary key); unmarked full-text statements stay
 * unnamed and planned every time.
 */
export const GENERIC_PLAN = '/* generic plan */';

/** The query with the GENERIC_PLAN mark, for Kysely's `.$call(withGenericPlan)`. */
export const withGenericPlan = <Q extends { modifyEnd: (m: RawBuilder<unknown>) => Q }>(qb: Q): Q =>
  qb.modifyEnd(sql.raw(GENERIC_PLAN));

const GENERIC_PLAN_SETTING = '-c plan_cache_mode=force_generic_plan';

/**
 * The connections marked statements run on, outside transactions (in one, a statement must stay on
 * the transaction's connection): a second pool, created on first use, half the size of the first.
 */
function genericPlanPool(pool: pg.Pool) {
  let generic: pg.Pool | undefined;
  return {
    get: () => {
      if (!generic) {
        const { max = 10, ...options } = pool.options;
        generic = new pg.Pool({
          ...options,
          max: Math.max(2, Math.ceil(max / 2)),
          options: GENERIC_PLAN_SETTING,
        });
        generic.on('error', () => {});
        generic.on('connect', (client) => client.on('error', () => {}));
      }
      return generic;
    },
    /** The pool if a statement has needed it yet. */
    started: () => generic,
    end: async () => generic?.end(),
  };
}

/** Longest a stop waits for statements in flight before it closes the connections anyway. */
const STOP_WAIT_MS = 10_000;

/**
 * The pool as Kysely sees it, with every parameterised statement sent as a named (prepared)
 * statement: PostgreSQL parses and plans it once per connection instead of on every execution.
 * Planning was most of the database's CPU for the short reads of a case view
 * (docs/performance-history.md, 2026-11-23).
 * Statements without parameters (BEGIN, COMMIT, migrations' multi-statement files) go as they are.
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  const flush = createOutboxFlusher();
  const generic = genericPlanPool(pool);
  return {
    connect: async () => lazyClient(pool, generic.get, flush),
    end: async () => {
      // A request whose client has gone away still runs its statements, and pg-pool never serves
      // a statement waiting for a connection once end() is called: ending at once would leave such
      // a request, and so the stop, waiting forever. So the pools finish their work first.
      if (await untilIdle(() => [pool, generic.started()], STOP_WAIT_MS)) {
        await Promise.all([pool.end(), generic.end()]);
      } else {
        // Still busy after the wait (a statement stuck on a lock): the process exits without them.
        void Promise.all([pool.end(), generic.end()]).catch(() => {});
      }
    },
  };
}

/** Whether a pool has no connection in use and no statement waiting for one. */
const idle = (p: pg.Pool | undefined) => !p || (p.waitingCount === 0 && p.idleCount === p.totalCount);

async function untilIdle(pools: () => (pg.Pool | undefined)[], ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!pools().every(idle)) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

/**
 * One checkout as Kysely sees it. The pool's connection is taken at the first statement that needs
 * it: a request whose statements all go to the generic-plan connections (the queue by due time,
 * the counts, a staff search) never holds one of the pool's, which would otherwise sit idle while
 * it waits for a generic connection, out of reach of every other request.
 */
function lazyClient(
  pool: pg.Pool,
  genericPool: () => pg.Pool,
  flush: (client: pg.PoolClient) => Promise<void>,
): PostgresPoolClient {
  let client: pg.PoolClient | undefined;
  let taking: Promise<pg.PoolClient> | undefined;
  const own = () => {
    taking ??= pool.connect().then(
      (c) => (client = c),
      (err: unknown) => {
        taking = undefined; // the next statement tries again
        throw err;
      },
    );
    return taking;
  };
  const afterCommit = flushAfterCommit(() => client, flush);
  // Rows come as arrays and are made objects by pg-rows.ts (cheaper than pg's own objects).
  const send = async (text: unknown, values?: unknown[]) => {
    const name = typeof text === 'string' && values && values.length > 0 ? nameOf(text) : undefined;
    const config = { name, text: text as string, values, rowMode: 'array' as const };
    const target =
      name && !afterCommit.inTransaction() && config.text.endsWith(GENERIC_PLAN)
        ? genericPool()
        : await own();
    const result: pg.QueryResult<unknown[]> | pg.QueryResult<unknown[]>[] = await target.query(config);
    // A text of several statements (a migration) answers with one result each.
    return Array.isArray(result) ? result.map(withObjectRows) : withObjectRows(result);
  };
  const query = async (text: unknown, values?: unknown[]) => {
    const sql = typeof text === 'string' ? text : '';
    afterCommit.sending(sql);
    let ok = false;
    try {
      const result = await send(text, values);
      ok = true;
      return result;
    } finally {
      await afterCommit.sent(sql, ok);
    }
  };
  return {
    query: query as unknown as PostgresPoolClient['query'],
    // Kysely releases after its statements have answered, so a connection being taken is taken.
    release: () => client?.release(),
  };
}

/**
 * Follows one connection's transactions to flush the event outbox (outbox.ts) after each commit of
 * a transaction that wrote to it, or after such a statement in autocommit, before the connection
 * goes back to the pool: so a request's jobs are queued and its realtime notes sent by the time it
 * answers, as when the writer notified itself (the flush is shared with the process's other
 * commits: createOutboxFlusher). Kysely sends `begin` (or `start transaction ...`), `commit` and
 * `rollback` as these texts. A failed flush is left to the worker's sweep. It also says whether the
 * connection is in a transaction (statements marked GENERIC_PLAN may leave it only when not).
 */
function flushAfterCommit(
  client: () => pg.PoolClient | undefined,
  flush: (client: pg.PoolClient) => Promise<void>,
) {
  let inTransaction = false;
  let pending = false;
  return {
    inTransaction: () => inTransaction,
    sending(sql: string) {
      if (sql === 'begin' || sql.startsWith('start transaction')) inTransaction = true;
      if (writesOutbox(sql)) pending = true;
    },
    async sent(sql: string, ok: boolean) {
      const ends = sql === 'commit' || sql === 'rollback';
      if (inTransaction && !ends) return;
      const wrote = pending && ok && sql !== 'rollback';
      inTransaction = false;
      pending = false;
      const on = client();
      if (wrote && on) await flush(on);
    },
  };
}

export function createDb(pool: pg.Pool): Db {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
}
