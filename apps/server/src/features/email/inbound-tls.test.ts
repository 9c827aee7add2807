import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, uniq, type World } from '../../../test/factories.ts';
import { processInbound } from './inbound.service.ts';
import { type InboundSmtp, startInboundSmtp } from './inbound-smtp.ts';

// A self-signed certificate for CN=localhost, made for these tests (openssl req -x509 ... -days 36500).
const tlsDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'tls');

let t: TestContext;
let w: World;
let mailbox: string;
const listeners: InboundSmtp[] = [];

beforeAll(async () => {
  t = await startTestApp({
    env: {
      INBOUND_SMTP_TLS_KEY: path.join(tlsDir, 'key.pem'),
      INBOUND_SMTP_TLS_CERT: path.join(tlsDir, 'cert.pem'),
    },
  });
  w = await makeWorkspace(t);
  mailbox = `tls-${uniq()}@example.test`;
  expect((await call(t, w.admin, 'POST', '/api/v1/email/mailboxes', { address: mailbox })).status).toBe(201);
});
afterAll(async () => {
  for (const l of listeners) await l.close();
  await t.close();
});

const sendRequiringTls = (port: number, from: string) =>
  nodemailer
    .createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
    })
    .sendMail({ from, to: mailbox, subject: 'Over TLS', text: 'Encrypted on the way.' });

describe('STARTTLS on the inbound listener', () => {
  it('offers STARTTLS with a configured certificate, and the mail becomes a case', async () => {
    const smtp = await startInboundSmtp(t.deps, { host: '127.0.0.1', port: 0 });
    listeners.push(smtp);
    const from = `tls.${uniq()}@example.org`;
    const info = await sendRequiringTls(smtp.port, from);
    expect(info.accepted).toContain(mailbox);
    const stored = await t.deps.db
      .selectFrom('inbound_emails')
      .select('id')
      .where('mail_from', '=', from)
      .executeTakeFirstOrThrow();
    expect(await processInbound(t.deps, stored.id)).toMatchObject({
      status: 'processed',
      reason: 'new_case',
    });
  });

  it('stays plain without a certificate: a client that requires TLS gives up before sending', async () => {
    const plainDeps = {
      ...t.deps,
      config: { ...t.deps.config, INBOUND_SMTP_TLS_KEY: undefined, INBOUND_SMTP_TLS_CERT: undefined },
    };
    const smtp = await startInboundSmtp(plainDeps, { host: '127.0.0.1', port: 0 });
    listeners.push(smtp);
    const from = `plain.${uniq()}@example.org`;
    await expect(sendRequiringTls(smtp.port, from)).rejects.toMatchObject({ code: 'ETLS' });
    const stored = await t.deps.db
      .selectFrom('inbound_emails')
      .select('id')
      .where('mail_from', '=', from)
      .execute();
    expect(stored).toHaveLength(0);
  });
});
