import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { testDatabaseUrl } from '../src/config.ts';
import { createDb, createPool } from '../src/infra/db.ts';
import { type EmbeddedCluster, ensureDatabase, startEmbeddedPostgres } from '../src/infra/embedded-pg.ts';
import { migrateToLatest } from '../src/infra/migrate.ts';
import { freePort } from './ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server URL whose database name is replaced per test worker. */
    pgServerUrl: string;
    templateDb: string;
  }
}

const TEMPLATE = 'fairdesk_template';

/**
 * Starts a private embedded PostgreSQL (or uses TEST_DATABASE_URL), migrates a template database
 * once; each test worker clones it (test/db.ts).
 */
export default async function setup(project: TestProject) {
  let cluster: EmbeddedCluster | undefined;
  let dir: string | undefined;
  let serverUrl = testDatabaseUrl();
  if (!serverUrl) {
    dir = await mkdtemp(path.join(tmpdir(), 'fairdesk-test-'));
    await chmod(dir, 0o755); // the postgres OS user must reach it when tests run as root
    cluster = await startEmbeddedPostgres({
      dir: path.join(dir, 'pg'),
      port: await freePort(),
      persistent: false,
    });
    serverUrl = cluster.url('postgres');
  }
  const admin = createPool(serverUrl, 1);
  await admin.query(`drop database if exists ${TEMPLATE} with (force)`);
  await admin.query(`create database ${TEMPLATE}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${TEMPLATE}`;
  const pool = createPool(url.toString(), 2);
  await migrateToLatest(createDb(pool), pool);
  await pool.end();
  project.provide('pgServerUrl', serverUrl);
  project.provide('templateDb', TEMPLATE);
  void ensureDatabase;
  return async () => {
    await cluster?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
