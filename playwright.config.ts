import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The journeys run against a real Fairdesk: the production build of the web app, the API, and a
// fresh embedded PostgreSQL seeded with the demo workspace, on loopback ports of their own.
const port = Number(process.env.E2E_PORT ?? 3456);
const given = process.env.E2E_DATA_DIR;
const dataDir = given ?? mkdtempSync(path.join(tmpdir(), 'fairdesk-e2e-'));
chmodSync(dataDir, 0o755); // the postgres OS user must reach it when we run as root
process.env.E2E_DATA_DIR = dataDir; // workers load this file again; keep one folder
// A folder we made (a cluster and uploads, ~80 MB) goes when the runner exits, after the web
// server it started has stopped; one named in E2E_DATA_DIR is the caller's to keep.
if (!given) process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));

export default defineConfig({
  testDir: 'e2e',
  retries: 0,
  workers: 1,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
  },
  webServer: {
    // `exec`: the app is the process Playwright stops, and it is stopped with SIGTERM, its own
    // shutdown, which stops its PostgreSQL. Playwright's default, SIGKILL to the shell's group,
    // never reached the cluster, which runs in a process group of its own (infra/embedded-pg.ts):
    // every run left a postmaster behind, on a data folder deleted under it.
    command: 'node scripts/build-web.ts && exec node apps/server/src/main.ts --role=all',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    url: `http://127.0.0.1:${port}/api/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      EMBEDDED_PG_DIR: path.join(dataDir, 'pg'),
      EMBEDDED_PG_PORT: String(port + 1000),
      STORAGE_DIR: path.join(dataDir, 'files'),
      LOG_LEVEL: 'warn',
      SIGN_IN_RATE_LIMIT: '1000',
      INBOUND_SMTP_PORT: '0',
    },
  },
});
