import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { createMailer, type Mailer, RELAY_POOL } from './mailer.ts';

/** A real relay on loopback that counts its connections and keeps what it receives. */
const received: { to: string[]; raw: string }[] = [];
let opened = 0;
let open = 0;
let dropped = 0;
const relay = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onConnect(_session, done) {
    opened++;
    open++;
    done();
  },
  onClose() {
    open--;
  },
  onData(stream, session, done) {
    let raw = '';
    stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    stream.on('end', () => {
      if (session.envelope.rcptTo.some((r) => r.address.startsWith('drop@'))) {
        dropped++;
        // A connection lost before the relay answered the mail: no reply, the socket just ends.
        // smtp-server keeps its sockets private; the test reaches in to cut this one.
        const conns = (relay as unknown as { connections: Set<{ session: { id: string }; _socket: Socket }> })
          .connections;
        for (const c of conns) if (c.session.id === session.id) c._socket.destroy();
        return;
      }
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      done();
    });
  },
});

let url: string;
let mailer: Mailer | undefined;
beforeAll(async () => {
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
  url = `smtp://127.0.0.1:${(relay.server.address() as { port: number }).port}`;
});
afterEach(() => mailer?.close());
afterAll(() => new Promise<void>((r) => relay.close(() => r())));

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
    const [before, count] = [opened, received.length];
    const sent = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        m.send({ to: `kept-${i}@example.test`, subject: `n${i}`, text: 'hi' }),
      ),
    );
    expect(received.length - count).toBe(40);
    expect(opened - before).toBeGreaterThan(0);
    expect(opened - before).toBeLessThanOrEqual(RELAY_POOL.maxConnections);
    expect(sent[0]!.response).toMatch(/^250 /);
    // A later mail reuses a kept connection.
    const again = opened;
    await m.send({ to: 'later@example.test', subject: 'later', text: 'hi' });
    expect(opened).toBe(again);
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
    expect(open).toBeGreaterThan(0);
    m.close();
    expect(await until(() => open === 0)).toBe(true);
    const before = opened;
    await m.send({ to: 'b@example.test', subject: 's', text: 'hi' });
    expect(opened).toBe(before + 1);
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
