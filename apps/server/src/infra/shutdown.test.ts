// Ctrl-C on `npm start`: the terminal sends SIGINT to the whole foreground process group. The app
// must finish what is in flight and stop its embedded PostgreSQL last, with exit code 0 and no
// error on the way: when PostgreSQL was in the same group it shut down at once, the job queue's
// connections broke under jobs still running, and the app could crash while stopping.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../../test/ports.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../..');
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it('stops cleanly on a Ctrl-C to its whole process group, PostgreSQL last', async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fairdesk-stop-'));
  await chmod(dir, 0o755); // the postgres OS user must reach it when tests run as root
  const pgDir = path.join(dir, 'pg');
  const port = await freePort();
  // Detached: the app leads a process group of its own, as a shell's foreground job does.
  const child = spawn(process.execPath, ['apps/server/src/main.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_DIR: pgDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      INBOUND_SMTP_PORT: '0',
    },
  });
  let out = '';
  const collect = (c: Buffer) => {
    out += c.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const end = Date.now() + 90_000;
  while (!out.includes('Fairdesk is ready') && child.exitCode === null && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(out).toContain('Fairdesk is ready');
  const postmaster = Number((await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  expect(alive(postmaster)).toBe(true);

  // At once, while the demo's first jobs (SLA timers, routing) are still running.
  process.kill(-(child.pid as number), 'SIGINT');
  expect(await exited).toBe(0);
  expect(out).toContain('shutting down');
  expect(out).not.toMatch(/terminating connection|"level":50|ERROR|EPIPE/);
  // PostgreSQL stopped cleanly (it removes its pid file) and is gone.
  expect(existsSync(path.join(pgDir, 'postmaster.pid'))).toBe(false);
  expect(alive(postmaster)).toBe(false);
}, 120_000);
