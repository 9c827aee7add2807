// `node bench/email-inbound.ts [--messages 400] [--connections 4]`: how many messages per second
// the inbound path stores (SMTP 250 after the raw row is written) and threads (the email.process
// work: parse, customer, case or reply, Message-ID). A throwaway embedded PostgreSQL; loopback only.
// Not part of `npm run bench`.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import { loadConfig } from '../apps/server/src/config.ts';
import type { Deps } from '../apps/server/src/deps.ts';
import { processInbound, startInboundSmtp } from '../apps/server/src/features/email/index.ts';
import { systemClock } from '../apps/server/src/infra/clock.ts';
import { createDb, createPool } from '../apps/server/src/infra/db.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../apps/server/src/infra/embedded-pg.ts';
import { createLogger } from '../apps/server/src/infra/logger.ts';
import { createMailer } from '../apps/server/src/infra/mailer.ts';
import { migrateToLatest } from '../apps/server/src/infra/migrate.ts';
import { createDiskStorage } from '../apps/server/src/infra/storage.ts';
import { freePort } from './cluster.ts';

const { values: args } = parseArgs({
  options: { messages: { type: 'string', default: '400' }, connections: { type: 'string', default: '4' } },
});
const total = Number(args.messages);
const connections = Number(args.connections);

const dir = await mkdtemp(path.join(tmpdir(), 'fairdesk-email-bench-'));
await chmod(dir, 0o755);
const cluster = await startEmbeddedPostgres({
  dir: path.join(dir, 'pg'),
  port: await freePort(),
  persistent: false,
});
try {
  await ensureDatabase(cluster, 'bench');
  const url = cluster.url('bench');
  const pool = createPool(url, connections + 2);
  const db = createDb(pool);
  await migrateToLatest(db, pool);
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', INBOUND_RATE_PER_MINUTE: '1000000' });
  const log = createLogger('silent');
  const deps: Deps = {
    config,
    db,
    pool,
    clock: systemClock,
    log,
    mailer: createMailer({ from: config.MAIL_FROM, log }),
    storage: createDiskStorage(path.join(dir, 'files')),
  };
  const ws = await db
    .insertInto('workspaces')
    .values({ slug: 'email-bench', name: 'Email bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('mailboxes').values({ workspace_id: ws.id, address: 'support@bench.test' }).execute();
  const smtp = await startInboundSmtp(deps, { host: '127.0.0.1', port: 0 });
  const tx = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtp.port,
    ignoreTLS: true,
    pool: true,
    maxConnections: connections,
    maxMessages: Number.POSITIVE_INFINITY,
  });

  // Every third message answers an earlier one by In-Reply-To, so threading finds a case.
  const started = performance.now();
  let next = 0;
  const sendOne = async (i: number) => {
    const reply = i % 3 === 2;
    await tx.sendMail({
      from: `customer${i % 50}@example.org`,
      to: 'support@bench.test',
      subject: reply ? `Re: Question ${i - 2}` : `Question ${i}`,
      text: `Hello, this is message ${i}.\n\nOn Mon, support wrote:\n> earlier text`,
      messageId: `<bench-${i}@example.org>`,
      ...(reply ? { inReplyTo: `<bench-${i - 2}@example.org>` } : {}),
    });
  };
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < total) await sendOne(next++);
    }),
  );
  const storedSeconds = (performance.now() - started) / 1000;
  tx.close();

  const ids = (await db.selectFrom('inbound_emails').select('id').orderBy('received_at').execute()).map(
    (r) => r.id,
  );
  const t2 = performance.now();
  let k = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (k < ids.length) await processInbound(deps, ids[k++]!);
    }),
  );
  const threadSeconds = (performance.now() - t2) / 1000;
  const cases = await db
    .selectFrom('cases')
    .select(db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const messages = await db
    .selectFrom('messages')
    .select(db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(
    JSON.stringify(
      {
        messages: total,
        connections,
        stored_per_second: Math.round(total / storedSeconds),
        threaded_per_second: Math.round(ids.length / threadSeconds),
        end_to_end_per_second: Math.round(total / (storedSeconds + threadSeconds)),
        cases: Number(cases.n),
        messages_in_cases: Number(messages.n),
      },
      null,
      2,
    ),
  );
  await smtp.close();
  await db.destroy();
} finally {
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}
