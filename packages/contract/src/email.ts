import { Email, Id, page, Timestamp } from './common.ts';
import { ImapSettingsInput, MailboxImap } from './email-imap.ts';
import { z } from './zod.ts';

export const MailboxMode = z.enum(['smtp', 'imap']);
export const Mailbox = z.object({
  id: Id,
  address: z.string(),
  name: z.string(),
  mode: MailboxMode,
  team_id: Id.nullable(),
  /** Set once IMAP settings were saved (kept when the mode goes back to SMTP). */
  imap: MailboxImap.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export const MailboxList = z.object({ items: z.array(Mailbox) });
export const MailboxCreate = z
  .object({
    address: Email,
    name: z.string().trim().max(200).default(''),
    mode: MailboxMode.default('smtp'),
    team_id: Id.nullable().default(null),
    imap: ImapSettingsInput.optional(),
  })
  .refine((v) => v.mode !== 'imap' || v.imap, {
    path: ['imap'],
    message: 'An IMAP mailbox needs its server settings',
  })
  .refine((v) => !v.imap || v.imap.password, {
    path: ['imap', 'password'],
    message: 'Give the password of the IMAP account',
  });
export const MailboxUpdate = z
  .object({
    name: z.string().trim().max(200),
    mode: MailboxMode,
    team_id: Id.nullable(),
    imap: ImapSettingsInput,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Give at least one field to change');

export const InboundStatus = z.enum(['received', 'processed', 'ignored', 'quarantined', 'deleted']);
export const QuarantinedEmail = z.object({
  id: Id,
  mail_from: z.string(),
  rcpt_to: z.array(z.string()),
  subject: z.string().nullable(),
  message_id_header: z.string().nullable(),
  size_bytes: z.number().int(),
  status: InboundStatus,
  reason: z.string().nullable(),
  received_at: Timestamp,
});
export const QuarantineList = page(QuarantinedEmail);

/**
 * `sending`: claimed for delivery and handed to the relay. A mail whose delivery was interrupted
 * (the process died) ends `failed` with a note, never resent automatically; a person sends it again.
 */
export const OutgoingStatus = z.enum(['queued', 'sending', 'sent', 'failed', 'captured']);
export const OutgoingEmail = z.object({
  id: Id,
  case_id: Id.nullable(),
  message_id: Id.nullable(),
  from_address: z.string(),
  to_address: z.string(),
  subject: z.string(),
  message_id_header: z.string(),
  status: OutgoingStatus,
  attempts: z.number().int(),
  last_response: z.string().nullable(),
  sent_at: Timestamp.nullable(),
  created_at: Timestamp,
});
export const OutgoingList = page(OutgoingEmail);
export const OutgoingEmailDetail = OutgoingEmail.extend({
  reply_to: z.string().nullable(),
  in_reply_to: z.string().nullable(),
  references_header: z.string().nullable(),
  text_body: z.string(),
  html_body: z.string(),
});

export type Mailbox = z.infer<typeof Mailbox>;
export type QuarantinedEmail = z.infer<typeof QuarantinedEmail>;
export type OutgoingEmail = z.infer<typeof OutgoingEmail>;
export type OutgoingEmailDetail = z.infer<typeof OutgoingEmailDetail>;
