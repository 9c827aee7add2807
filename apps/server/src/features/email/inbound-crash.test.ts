// The crash test of issue 6: the real server is killed (SIGKILL) while mail is being delivered;
// after a restart, every message that got its 250 is in a case exactly once.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, uniq, type World } from '../../../test/factories.ts';
import { freePort } from '../../../test/ports.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../../..');
const MAILS = 60;
const KILL_AFTER = 20;

let t: TestContext;
let w: World;
let mailbox: string;
let files: string;
const children: ChildProcess[] = [];

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });

async function until<T>(what: string, fn: () => Promise<T | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== false) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The real program (`main.ts --role all`) on the test database, as `npm start` would run it. */
async function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['apps/server/src/main.ts', '--role', 'all'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  await until('the SMTP listener', async () => (await canConnect(Number(env.INBOUND_SMTP_PORT))) || false);
  return child;
}

beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
  mailbox = `crash-${uniq()}@example.test`;
  expect((await call(t, w.admin, 'POST', '/api/v1/email/mailboxes', { address: mailbox })).status).toBe(201);
  files = await mkdtemp(path.join(tmpdir(), 'fairdesk-crash-'));
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await t.close();
  await rm(files, { recursive: true, force: true });
});

it('keeps every accepted message, exactly once, across a SIGKILL during delivery', async () => {
  const smtpPort = await freePort();
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: t.deps.config.DATABASE_URL!,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    INBOUND_SMTP_PORT: String(smtpPort),
    INBOUND_SMTP_HOST: '127.0.0.1',
    INBOUND_RATE_PER_MINUTE: '10000',
    STORAGE_DIR: files,
    SERVE_WEB: 'false',
    LOG_LEVEL: 'silent',
  };
  const first = await startServer(env);

  const tag = uniq();
  const accepted: string[] = [];
  const sends: Promise<void>[] = [];
  for (let i = 0; i < MAILS; i++) {
    const from = `crash.${tag}.${i}@example.org`;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, ignoreTLS: true });
    sends.push(
      transport
        .sendMail({
          from,
          to: mailbox,
          subject: `Crash ${i}`,
          text: `Mail ${i}`,
          messageId: `<crash-${tag}-${i}@example.org>`,
        })
        .then(() => {
          accepted.push(from);
          if (accepted.length === KILL_AFTER) first.kill('SIGKILL');
        })
        .catch(() => undefined), // refused or cut off by the crash: the sender keeps it
    );
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(sends);
  if (first.exitCode === null && first.signalCode === null) await once(first, 'exit');
  expect(accepted.length).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(accepted.length).toBeLessThan(MAILS); // the kill did cut delivery short

  const second = await startServer(env);
  const inbound = () =>
    t.deps.db
      .selectFrom('inbound_emails')
      .select(['mail_from', 'status'])
      .where('workspace_id', '=', w.ws.id)
      .execute();
  await until('processing after the restart', async () => {
    const rows = await inbound();
    return rows.every((r) => r.status !== 'received') || false;
  });
  second.kill('SIGINT');

  const cases = await t.deps.db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(['cu.email', 'c.message_count'])
    .where('c.workspace_id', '=', w.ws.id)
    .execute();
  const casesBySender = new Map<string, number>();
  for (const c of cases) {
    expect(c.message_count).toBe(1);
    casesBySender.set(c.email, (casesBySender.get(c.email) ?? 0) + 1);
  }
  for (const from of accepted) expect(casesBySender.get(from), from).toBe(1);
  // A message stored just before the kill but whose 250 was lost may also be there, once.
  expect([...casesBySender.values()].every((n) => n === 1)).toBe(true);
  const stored = await inbound();
  expect(stored.every((r) => r.status === 'processed')).toBe(true);
}, 60_000);
