import type { Transporter } from 'nodemailer';
import type { Logger } from './logger.ts';

export type OutgoingMail = {
  /** The configured MAIL_FROM when left out. */
  from?: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
};
export type Mailer = {
  /** Resolves to the relay's answer (its 250 line) once the relay took the mail. */
  send: (mail: OutgoingMail) => Promise<{ messageId: string; response: string }>;
  /** Closes the relay connections kept open; sends after it open new ones. */
  close: () => void;
};

/**
 * The relay connections kept per process. A connection costs a TCP (often TLS) handshake and the
 * SMTP greeting, EHLO and AUTH: more than the mail itself on a busy worker. Five: the worker's four
 * jobs at a time and a sign-in link from the web role. Idle ones close after 30 s, before a relay's
 * own idle timeout (commonly one to five minutes) would drop them under us. A send whose connection
 * is lost mid-mail fails (the delivery job records it and retries, features/email/outbound.service.ts);
 * nodemailer itself retries only a mail whose connection closed before it was sent.
 */
export const RELAY_POOL = { pool: true, maxConnections: 5, idleTimeout: 30_000 } as const;

/**
 * Sends through the SMTP relay in SMTP_URL over kept connections. Without one (development), mail is
 * written to the log instead, so magic links can be followed without a mail server.
 */
export function createMailer(opts: { smtpUrl?: string; from: string; log: Logger }): Mailer {
  if (!opts.smtpUrl) {
    return {
      send: async (mail) => {
        opts.log.info({ mail }, `mail to ${mail.to} (no SMTP_URL set: written here instead of sent)`);
        return { messageId: `logged-${Date.now()}`, response: 'logged' };
      },
      close: () => {},
    };
  }
  const smtpUrl = opts.smtpUrl;
  // nodemailer loads on the first mail, not at start: ~5 MB of heap a web process rarely needs.
  let transport: Promise<Transporter> | undefined;
  return {
    send: async (mail) => {
      transport ??= import('nodemailer').then(({ default: nodemailer }) =>
        nodemailer.createTransport({ url: smtpUrl, ...RELAY_POOL }),
      );
      const info = await (await transport).sendMail({ ...mail, from: mail.from ?? opts.from });
      return { messageId: info.messageId, response: String(info.response ?? '') };
    },
    close: () => {
      const closing = transport;
      transport = undefined;
      void closing?.then((t) => t.close());
    },
  };
}
