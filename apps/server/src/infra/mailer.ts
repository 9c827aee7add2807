import type { Transporter } from 'nodemailer';
import type { Logger } from './logger.ts';

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };
export type Mailer = { send: (mail: OutgoingMail) => Promise<{ messageId: string }> };

/**
 * Sends through the SMTP relay in SMTP_URL. Without one (development), mail is written to the
 * log instead, so magic links can be followed without a mail server.
 */
export function createMailer(opts: { smtpUrl?: string; from: string; log: Logger }): Mailer {
  if (!opts.smtpUrl) {
    return {
      send: async (mail) => {
        opts.log.info({ mail }, `mail to ${mail.to} (no SMTP_URL set: written here instead of sent)`);
        return { messageId: `logged-${Date.now()}` };
      },
    };
  }
  const smtpUrl = opts.smtpUrl;
  // nodemailer loads on the first mail, not at start: ~5 MB of heap a web process rarely needs.
  let transport: Promise<Transporter> | undefined;
  return {
    send: async (mail) => {
      transport ??= import('nodemailer').then(({ default: nodemailer }) =>
        nodemailer.createTransport(smtpUrl),
      );
      const info = await (await transport).sendMail({ from: opts.from, ...mail });
      return { messageId: info.messageId };
    },
  };
}
