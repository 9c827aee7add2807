import type {
  Mailbox,
  MailboxImap,
  OutgoingEmail,
  OutgoingEmailDetail,
  QuarantinedEmail,
} from '@fairdesk/contract';
import { isoTime, isoTimeOrNull } from '../../infra/iso-time.ts';

type Dated = { created_at: Date; updated_at: Date };

type ImapRow = Omit<MailboxImap, 'password_set' | 'last_poll_at' | 'last_success_at'> & {
  password_sealed: string;
  last_poll_at: Date | null;
  last_success_at: Date | null;
};

/** The IMAP side as admins see it: settings and poll state, never the password itself. */
export const presentMailboxImap = (i: ImapRow): MailboxImap => ({
  host: i.host,
  port: i.port,
  security: i.security,
  username: i.username,
  folder: i.folder,
  poll_seconds: i.poll_seconds,
  password_set: i.password_sealed.length > 0,
  last_poll_at: isoTimeOrNull(i.last_poll_at),
  last_success_at: isoTimeOrNull(i.last_success_at),
  last_error: i.last_error,
  failures: i.failures,
});

export const presentMailbox = (
  m: Omit<Mailbox, 'created_at' | 'updated_at' | 'imap'> & Dated & { imap: ImapRow | null },
): Mailbox => ({
  id: m.id,
  address: m.address,
  name: m.name,
  mode: m.mode,
  team_id: m.team_id,
  imap: m.imap ? presentMailboxImap(m.imap) : null,
  created_at: isoTime(m.created_at),
  updated_at: isoTime(m.updated_at),
});

export const presentQuarantined = (
  r: Omit<QuarantinedEmail, 'received_at'> & { received_at: Date },
): QuarantinedEmail => ({
  ...r,
  received_at: isoTime(r.received_at),
});

type OutRow = Omit<OutgoingEmail, 'sent_at' | 'created_at'> & { sent_at: Date | null; created_at: Date };

export const presentOutgoing = (r: OutRow): OutgoingEmail => ({
  id: r.id,
  case_id: r.case_id,
  message_id: r.message_id,
  from_address: r.from_address,
  to_address: r.to_address,
  subject: r.subject,
  message_id_header: r.message_id_header,
  status: r.status,
  attempts: r.attempts,
  last_response: r.last_response,
  sent_at: isoTimeOrNull(r.sent_at),
  created_at: isoTime(r.created_at),
});

export const presentOutgoingDetail = (
  r: OutRow &
    Pick<OutgoingEmailDetail, 'reply_to' | 'in_reply_to' | 'references_header' | 'text_body' | 'html_body'>,
): OutgoingEmailDetail => ({
  ...presentOutgoing(r),
  reply_to: r.reply_to,
  in_reply_to: r.in_reply_to,
  references_header: r.references_header,
  text_body: r.text_body,
  html_body: r.html_body,
});
