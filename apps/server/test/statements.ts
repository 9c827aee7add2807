import type pg from 'pg';

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
