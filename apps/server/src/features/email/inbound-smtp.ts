import { readFile } from 'node:fs/promises';
import type { Deps } from '../../deps.ts';
import { allowSender } from './email.rules.ts';
import { resolveRecipient, storeInbound } from './inbound.service.ts';

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

export type InboundSmtp = { port: number; close: () => Promise<void> };

/**
 * Fairdesk's SMTP server: accepts mail for known mailboxes and reply addresses, refuses the rest
 * at RCPT, limits size and per-sender rate, and answers 250 only once the raw message is stored.
 */
export async function startInboundSmtp(
  deps: Deps,
  opts: { host: string; port: number },
): Promise<InboundSmtp> {
  const maxBytes = deps.config.INBOUND_MAX_BYTES;
  const senders = new Map<string, number[]>();
  // Loaded only where mail is received (worker and all roles).
  const { SMTPServer } = await import('smtp-server');
  const tls = await tlsOptions(deps);
  const server = new SMTPServer({
    name: deps.config.MAIL_DOMAIN,
    banner: 'Fairdesk inbound',
    authOptional: true,
    // STARTTLS is offered only with a configured certificate; otherwise the listener is plain.
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...tls,
    size: maxBytes,
    maxClients: 100,
    logger: false,
    onMailFrom(address, _session, cb) {
      const key = address.address.toLowerCase();
      const verdict = allowSender(senders.get(key) ?? [], Date.now(), deps.config.INBOUND_RATE_PER_MINUTE);
      senders.set(key, verdict.times);
      if (senders.size > 10_000) senders.clear(); // bounded memory under a flood of senders
      if (!verdict.ok) return cb(smtpError(421, 'Too many messages from this sender; try again later'));
      cb();
    },
    onRcptTo(address, _session, cb) {
      resolveRecipient(deps, address.address)
        .then((r) => (r ? cb() : cb(smtpError(550, 'No such mailbox here'))))
        .catch((err) => {
          deps.log.error({ err }, 'inbound smtp: recipient lookup failed');
          cb(smtpError(451, 'Temporary failure; try again later'));
        });
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= maxBytes) chunks.push(c);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || size > maxBytes) return cb(smtpError(552, 'Message too large'));
        storeInbound(deps, {
          raw: Buffer.concat(chunks),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          remoteAddress: session.remoteAddress ?? null,
        })
          .then(() => cb())
          .catch((err) => {
            deps.log.error({ err }, 'inbound smtp: could not store a message');
            cb(smtpError(451, 'Temporary failure; try again later'));
          });
      });
    },
  });
  server.on('error', (err) => deps.log.error({ err }, 'inbound smtp error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  deps.log.info({ host: opts.host, port, starttls: Boolean(tls) }, 'inbound SMTP listening');
  return { port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The certificate for STARTTLS (INBOUND_SMTP_TLS_KEY / _CERT, PEM files), read once at start. */
async function tlsOptions(deps: Deps) {
  const { INBOUND_SMTP_TLS_KEY: keyPath, INBOUND_SMTP_TLS_CERT: certPath } = deps.config;
  if (!keyPath || !certPath) return null;
  const [key, cert] = await Promise.all([readFile(keyPath), readFile(certPath)]);
  return { key, cert };
}
