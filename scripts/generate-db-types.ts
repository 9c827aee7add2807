// Regenerates apps/server/src/infra/db.types.ts (and the table types it names, in
// apps/server/src/infra/db-types/) from the migrations, against a throwaway embedded PostgreSQL:
// `npm run db:types` after adding a migration.
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, createPool } from '../apps/server/src/infra/db.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../apps/server/src/infra/embedded-pg.ts';
import { migrateToLatest } from '../apps/server/src/infra/migrate.ts';
import { splitDbTypes } from './split-db-types.ts';

const INFRA = 'apps/server/src/infra';

const dir = await mkdtemp(path.join(tmpdir(), 'fairdesk-types-'));
await chmod(dir, 0o755); // the postgres OS user must reach it when we run as root
const cluster = await startEmbeddedPostgres({
  dir: path.join(dir, 'pg'),
  port: 5500 + Math.floor(Math.random() * 400),
  persistent: false,
});
try {
  await ensureDatabase(cluster, 'types');
  const pool = createPool(cluster.url('types'), 2);
  await migrateToLatest(createDb(pool), pool);
  await pool.end();
  execFileSync(
    'npx',
    [
      'kysely-codegen',
      '--dialect=postgres',
      `--url=${cluster.url('types')}`,
      `--out-file=${path.join(dir, 'db.types.ts')}`,
      '--exclude-pattern=(graphile_worker.*|kysely_*)',
      '--runtime-enums=false',
      // int8 is parsed as a number in infra/db.ts.
      '--type-mapping={"int8":"number"}',
    ],
    { stdio: 'inherit' },
  );
  // One generated file grew past 700 lines; it is written as one file per area of the product.
  const files = splitDbTypes(await readFile(path.join(dir, 'db.types.ts'), 'utf8'));
  await mkdir(path.join(INFRA, 'db-types'), { recursive: true });
  for (const old of await readdir(path.join(INFRA, 'db-types'))) await rm(path.join(INFRA, 'db-types', old));
  for (const [name, text] of files) await writeFile(path.join(INFRA, name), text);
} finally {
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}
