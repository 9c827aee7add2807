import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMigrations as runWorkerMigrations } from 'graphile-worker';
import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type pg from 'pg';
import type { Db } from './db.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** Migrations are plain SQL files with dated names, applied in name order, forward only. */
class SqlFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    const out: Record<string, Migration> = {};
    for (const file of files) {
      const text = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
      out[file.replace(/\.sql$/, '')] = { up: async (db) => void (await sql.raw(text).execute(db)) };
    }
    return out;
  }
}

export function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: new SqlFileProvider() });
}

/** Applies the job queue's schema and ours; throws with the failing migration's error. */
export async function migrateToLatest(db: Db, pool: pg.Pool): Promise<string[]> {
  await runWorkerMigrations({ pgPool: pool });
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * VACUUMs every table of the app's schema; run after migrations were applied. A migration that
 * rewrites a table (a changed column type or generated expression) leaves it with an empty
 * visibility map, so every index-only scan visits the table until autovacuum comes, after 500
 * changes: days on a quiet desk. On the benchmark's million cases, searches cost 10-20% more
 * database CPU until then (docs/decisions.md 2026-12-03). A table no migration touched is skipped
 * page by page through its map, so this costs little. VACUUM cannot run inside the migrations'
 * transaction; SKIP_LOCKED passes over a table another session holds.
 */
export async function vacuumAfterMigrations(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables
     where schemaname = current_schema() order by 1`,
  );
  const names = rows.map((r) => r.name);
  if (names.length) await pool.query(`vacuum (skip_locked) ${names.join(', ')}`);
  return names;
}

/** True when every migration file has been applied. */
export async function migrationsApplied(db: Db): Promise<boolean> {
  const all = await migrator(db).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
