import pg from 'pg';

/**
 * Records the text of every statement sent through the pool while a piece of work runs, so a test
 * can pin how many round trips it takes (each costs the app and PostgreSQL CPU: docs/performance.md).
 */
export function recordStatements(pool: pg.Pool) {
  let sent: string[] | null = null;
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const seen = new WeakSet<pg.PoolClient>();
  (pool as { connect: unknown }).connect = async () => {
    const client = await connect();
    if (!seen.has(client)) {
      seen.add(client);
      const query = client.query.bind(client) as (...a: unknown[]) => unknown;
      (client as { query: unknown }).query = (...args: unknown[]) => {
        const first = args[0];
        const text = typeof first === 'string' ? first : (first as { text?: string })?.text;
        sent?.push(String(text).replace(/\s+/g, ' ').trim().slice(0, 160));
        return query(...args);
      };
    }
    return client;
  };
  return async function statementsOf<T>(work: () => Promise<T>) {
    sent = [];
    try {
      const result = await work();
      return { result, statements: sent };
    } finally {
      sent = null;
    }
  };
}

/**
 * Records every statement sent through the app's pools, with its pool's options, until restored.
 * Unlike recordStatements it also sees the pool for generic plans, where the counts' and the queue
 * by due time's statements go (infra/db.ts).
 */
export function recordAllPools(pool: pg.Pool) {
  // Every statement goes to a connection of the app's pool or of the pool for generic plans (opened
  // with plan_cache_mode=force_generic_plan, infra/db.ts): this records each with its pool's options.
  const sent: { text: string; options: unknown }[] = [];
  const textOf = (q: unknown) => (typeof q === 'string' ? q : String((q as { text?: string }).text));
  const poolQuery = pg.Pool.prototype.query;
  (pg.Pool.prototype as { query: unknown }).query = function (this: pg.Pool, ...args: unknown[]) {
    sent.push({ text: textOf(args[0]), options: this.options.options });
    return (poolQuery as (...a: unknown[]) => unknown).apply(this, args);
  };
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  (pool as { connect: unknown }).connect = async () => {
    const client = await connect();
    const query = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      sent.push({ text: textOf(args[0]), options: pool.options.options });
      return query(...args);
    };
    return client;
  };
  return {
    sent,
    restore: () => {
      (pool as { connect: unknown }).connect = connect;
      (pg.Pool.prototype as { query: unknown }).query = poolQuery;
    },
  };
}

/** How many statements whose text contains `marker` the app sent while `work` ran. */
export async function statementsWith(pool: pg.Pool, marker: string, work: () => Promise<unknown>) {
  const rec = recordAllPools(pool);
  try {
    await work();
  } finally {
    rec.restore();
  }
  return rec.sent.filter((s) => s.text.includes(marker)).length;
}

/** Waits until `ok` holds, checking every 20 ms, for at most 3 s. */
export async function until(ok: () => Promise<boolean>) {
  const deadline = Date.now() + 3000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('condition not met within 3 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}
