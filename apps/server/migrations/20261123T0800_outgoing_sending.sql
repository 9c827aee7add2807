-- An outgoing mail is claimed as `sending` before the relay is called, so a crash between the
-- relay's 250 and the `sent` update leaves a visible "outcome unknown" row instead of a row the
-- retry would send again (at most once; a person decides whether to send it again).
alter type outgoing_email_status add value if not exists 'sending' after 'queued';

-- Set when an interrupted delivery is found: such a failed mail waits for a person ("Send again"),
-- and no job may claim it, unlike a mail the relay refused, which retries with backoff.
alter table outgoing_emails add column interrupted_at timestamptz;
