import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './db.types.ts';

export type { DB } from './db.types.ts';
export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Anything queries can run on: the pool or a transaction. */
export type Executor = Kysely<DB>;

// int8 (bigint) as number: our bigints are counters and sizes well inside 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
