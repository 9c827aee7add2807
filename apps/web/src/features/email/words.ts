import type { Mailbox, OutgoingEmail, QuarantinedEmail } from '@fairdesk/contract';

type ImapSecurity = NonNullable<Mailbox['imap']>['security'];

type OutgoingStatus = OutgoingEmail['status'];

/** The quarantine's reasons (stable codes from the server) in words an admin can act on. */
const REASONS: Record<string, string> = {
  attachment_executable: 'An attachment is a program (such as .exe or .js) that could harm a computer',
  attachment_too_large: 'An attachment is larger than the workspace allows',
  too_many_attachments: 'It carries more attachments than the workspace allows',
  headers_too_large: 'Its headers are unusually large',
  unparseable: 'It could not be read as an email (broken MIME)',
  no_valid_sender: 'It has no valid sender address',
};

export const reasonWords = (reason: string | null) =>
  reason ? (REASONS[reason] ?? reason.replaceAll('_', ' ')) : 'No reason recorded';

/** Filled badges with automatic text colour: every shade keeps AA contrast. */
export const OUTGOING_STATE: Record<OutgoingStatus, { label: string; color: string; hint: string }> = {
  queued: { label: 'Queued', color: 'blue.9', hint: 'Waiting to be sent (or to be retried)' },
  sending: { label: 'Sending', color: 'cyan.9', hint: 'Being handed to the outgoing mail server now' },
  sent: { label: 'Sent', color: 'teal.9', hint: 'Accepted by the outgoing mail server' },
  failed: {
    label: 'Failed',
    color: 'red.9',
    hint: 'Not sent: the outgoing mail server refused it, or its delivery was interrupted',
  },
  captured: {
    label: 'Captured',
    color: 'violet.9',
    hint: 'Kept here instead of being sent (no SMTP_URL is configured)',
  },
};

export const MODE_LABEL: Record<Mailbox['mode'], string> = {
  smtp: 'Delivered to Fairdesk (SMTP)',
  imap: 'Fetched from a mailbox (IMAP)',
};

export const SECURITY_LABEL: Record<ImapSecurity, string> = {
  tls: 'TLS (usually port 993)',
  starttls: 'STARTTLS (usually port 143)',
  none: 'None: unencrypted (testing only)',
};

export const mailboxLabel = (m: Mailbox) => (m.name ? `${m.name} <${m.address}>` : m.address);

/** Outgoing subjects carry the case number as "[#1234]". */
export function caseNumberIn(subject: string): string | null {
  return /\[#(\d+)\]/.exec(subject)?.[1] ?? null;
}

export const senderOf = (m: QuarantinedEmail) => m.mail_from || '(no sender)';
export const subjectOf = (m: QuarantinedEmail) => m.subject || '(no subject)';
