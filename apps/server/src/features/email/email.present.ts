import type { Mailbox, OutgoingEmail, OutgoingEmailDetail, QuarantinedEmail } from '@fairdesk/contract';

type Dated = { created_at: Date; updated_at: Date };

export const presentMailbox = (m: Omit<Mailbox, 'created_at' | 'updated_at'> & Dated): Mailbox => ({
  id: m.id,
  address: m.address,
  name: m.name,
  mode: m.mode,
  team_id: m.team_id,
  created_at: m.created_at.toISOString(),
  updated_at: m.updated_at.toISOString(),
});

export const presentQuarantined = (
  r: Omit<QuarantinedEmail, 'received_at'> & { received_at: Date },
): QuarantinedEmail => ({
  ...r,
  received_at: r.received_at.toISOString(),
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
  sent_at: r.sent_at?.toISOString() ?? null,
  created_at: r.created_at.toISOString(),
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
