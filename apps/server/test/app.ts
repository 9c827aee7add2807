import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { type App, buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Deps } from '../src/deps.ts';
import { type Clock, systemClock } from '../src/infra/clock.ts';
import { createDb, createPool } from '../src/infra/db.ts';
import { createLogger, type Logger } from '../src/infra/logger.ts';
import { createMailer } from '../src/infra/mailer.ts';
import { createDiskStorage } from '../src/infra/storage.ts';

let databaseUrl: Promise<string> | undefined;

/** One database per test worker, cloned from the migrated template. */
function workerDatabase(): Promise<string> {
  databaseUrl ??= (async () => {
    const server = inject('pgServerUrl');
    const name = `fd_test_${process.env.VITEST_POOL_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
    const admin = createPool(server, 1);
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${inject('templateDb')}`);
        break;
      } catch (err) {
        // Two workers cloning the template at the same moment: PostgreSQL asks one to wait.
        if (attempt > 20 || !String(err).includes('being accessed by other users')) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return url.toString();
  })();
  return databaseUrl;
}

export type TestContext = { deps: Deps; app: App; close: () => Promise<void> };

/**
 * A real app on a real PostgreSQL. A fake clock when asked; mail goes to the relay in SMTP_URL
 * (test/relay.ts), or to the log without one.
 */
export async function startTestApp(
  opts: { clock?: Clock; log?: Logger; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const url = await workerDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    SIGN_IN_RATE_LIMIT: '1000',
    ...opts.env,
  });
  const pool = createPool(url, 5);
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const filesDir = await mkdtemp(path.join(tmpdir(), 'fairdesk-files-'));
  const deps: Deps = {
    config,
    db: createDb(pool),
    pool,
    clock: opts.clock ?? systemClock,
    log,
    mailer: createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, log }),
    storage: createDiskStorage(filesDir),
  };
  const app = await buildApp(deps);
  await app.ready();
  return {
    deps,
    app,
    close: async () => {
      await app.close();
      deps.mailer.close();
      await deps.db.destroy();
      // Each test app stores uploads in its own temp dir; left behind, they pile up run after run.
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}
