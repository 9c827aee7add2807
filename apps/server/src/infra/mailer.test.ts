import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Relay, startRelay } from '../../test/relay.ts';
import { createLogger } from './logger.ts';
import { createMailer, type Mailer, RELAY_POOL } from './mailer.ts';

/** A real relay on loopback that counts its connections and keeps what it receives. */
let relay: Relay;
let received: Relay['received'];
let dropped = 0;
let url: string;
let mailer: Mailer | undefined;
beforeAll(async () => {
  relay = await startRelay();
  received = relay.received;
  url = relay.url;
  // A mail to drop@ loses its connection before the relay answers: no reply, the socket just ends.
  relay.answerWith((to) => {
    if (!to.some((a) => a.startsWith('drop@'))) return 'accept';
    dropped++;
    return 'cut';
  });
});
afterEach(() => mailer?.close());
afterAll(() => relay.close());

const make = () => {
  mailer = createMailer({
    smtpUrl: url,
    from: 'Fairdesk <no-reply@fairdesk.example>',
    log: createLogger('silent'),
  });
  return mailer;
};
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await sleep(20);
  return ok();
};

describe('the relay mailer', () => {
  it('keeps its connections: forty mails at once go over at most five, and all arrive', async () => {
    const m = make();
    const [before, count] = [relay.counts.opened, received.length];
    const sent = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        m.send({ to: `kept-${i}@example.test`, subject: `n${i}`, text: 'hi' }),
      ),
    );
    expect(received.length - count).toBe(40);
    expect(relay.counts.opened - before).toBeGreaterThan(0);
    expect(relay.counts.opened - before).toBeLessThanOrEqual(RELAY_POOL.maxConnections);
    expect(sent[0]!.response).toMatch(/^250 /);
    // A later mail reuses a kept connection.
    const again = relay.counts.opened;
    await m.send({ to: 'later@example.test', subject: 'later', text: 'hi' });
    expect(relay.counts.opened).toBe(again);
  });

  it('sends from MAIL_FROM unless the mail names its sender', async () => {
    const m = make();
    await m.send({ to: 'plain@example.test', subject: 's', text: 'hi' });
    await m.send({
      from: 'Support <support@acme.example>',
      to: 'own@example.test',
      subject: 's',
      text: 'hi',
    });
    expect(received.find((r) => r.to.includes('plain@example.test'))?.raw).toMatch(
      /^From: Fairdesk <no-reply@fairdesk\.example>/m,
    );
    expect(received.find((r) => r.to.includes('own@example.test'))?.raw).toMatch(
      /^From: Support <support@acme\.example>/m,
    );
  });

  it('closes its connections when told, and opens new ones for a later mail', async () => {
    const m = make();
    await m.send({ to: 'a@example.test', subject: 's', text: 'hi' });
    expect(relay.counts.open).toBeGreaterThan(0);
    m.close();
    expect(await until(() => relay.counts.open === 0)).toBe(true);
    const before = relay.counts.opened;
    await m.send({ to: 'b@example.test', subject: 's', text: 'hi' });
    expect(relay.counts.opened).toBe(before + 1);
  });

  it('fails a send whose connection is lost (the delivery job retries it), and the next send goes through', async () => {
    const m = make();
    const [count, drops] = [received.length, dropped];
    await expect(m.send({ to: 'drop@example.test', subject: 's', text: 'hi' })).rejects.toThrow();
    // Not sent again behind the caller's back (the relay may have taken it): a retry is the
    // delivery job's, recorded on its row.
    await sleep(400);
    expect(dropped - drops).toBe(1);
    expect(received.length).toBe(count);
    await m.send({ to: 'after@example.test', subject: 's', text: 'hi' });
    expect(received.length).toBe(count + 1);
  });

  it('without a relay writes the mail to the log', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (l: string) => lines.push(l) });
    const m = createMailer({ from: 'x@fairdesk.example', log });
    const r = await m.send({ to: 'dev@example.test', subject: 'Sign in', text: 'link' });
    expect(r.response).toBe('logged');
    expect(lines.join('')).toContain('dev@example.test');
  });
});
