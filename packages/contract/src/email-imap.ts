import { Timestamp } from './common.ts';
import { z } from './zod.ts';

export const ImapSecurity = z.enum(['tls', 'starttls', 'none']);

/** The IMAP server settings an admin types; without a password the stored one is kept. */
const imapFields = {
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'A host name or IP address'),
  port: z.number().int().min(1).max(65535),
  security: ImapSecurity,
  username: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
  folder: z.string().trim().min(1).max(200),
  poll_seconds: z.number().int().min(10).max(86400),
};

export const ImapSettingsInput = z.object({
  ...imapFields,
  port: imapFields.port.default(993),
  security: imapFields.security.default('tls'),
  password: imapFields.password.optional(),
  folder: imapFields.folder.default('INBOX'),
  poll_seconds: imapFields.poll_seconds.default(60),
});

/** Settings to try before saving: each given field replaces the stored one. */
export const ImapTestInput = z.object(imapFields).partial();

/** What an admin sees of a mailbox's IMAP side: never the password, only that one is set. */
export const MailboxImap = z.object({
  host: z.string(),
  port: z.number().int(),
  security: ImapSecurity,
  username: z.string(),
  folder: z.string(),
  poll_seconds: z.number().int(),
  password_set: z.boolean(),
  last_poll_at: Timestamp.nullable(),
  last_success_at: Timestamp.nullable(),
  last_error: z.string().nullable(),
  failures: z.number().int(),
});

/** The answer of a connection test: whether the login and folder worked, in the server's words. */
export const ImapTestResult = z.object({
  ok: z.boolean(),
  message: z.string(),
  messages: z.number().int().nullable(),
});

export type ImapSettingsInput = z.infer<typeof ImapSettingsInput>;
export type MailboxImap = z.infer<typeof MailboxImap>;
export type ImapTestResult = z.infer<typeof ImapTestResult>;
