import type { Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type RelayedMail = { from: string; to: string[]; raw: string };

/**
 * A real SMTP relay on loopback that keeps what it receives: the outside world's mail server in
 * the tests (nothing of ours is mocked). It counts connections (opened in all, open now) and can
 * refuse a mail (550) or cut the connection before answering, as real relays do.
 */
export async function startRelay() {
  const received: RelayedMail[] = [];
  const counts = { opened: 0, open: 0 };
  let answer: (to: string[]) => 'accept' | 'refuse' | 'cut' = () => 'accept';
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, done) {
      counts.opened++;
      counts.open++;
      done();
    },
    onClose() {
      counts.open--;
    },
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const how = answer(to);
        if (how === 'refuse')
          return done(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        if (how === 'cut') {
          // No answer, the socket just ends. smtp-server keeps its sockets private; reach in.
          const conns = (
            server as unknown as { connections: Set<{ session: { id: string }; _socket: Socket }> }
          ).connections;
          for (const c of conns) if (c.session.id === session.id) c._socket.destroy();
          return;
        }
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to, raw });
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`,
    received,
    counts,
    /** How the relay answers each mail from now on, by its recipients. */
    answerWith: (how: typeof answer) => {
      answer = how;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type Relay = Awaited<ReturnType<typeof startRelay>>;
