-- Email in and out: mailboxes, every inbound message stored raw before it is processed, the
-- Message-IDs that thread replies back to their cases, reply-address tokens, and outgoing mail
-- with its delivery state (captured in the table when no SMTP relay is configured).

create type mailbox_mode as enum ('smtp', 'imap');
create type inbound_email_status as enum ('received', 'processed', 'ignored', 'quarantined', 'deleted');
create type email_direction as enum ('in', 'out');
create type outgoing_email_status as enum ('queued', 'sent', 'failed', 'captured');

create table mailboxes (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  address text not null check (address = lower(address)),
  name text not null default '',
  mode mailbox_mode not null default 'smtp',
  team_id uuid references teams on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One address belongs to one workspace: that is how inbound mail finds its workspace.
create unique index mailboxes_address_key on mailboxes (address);
create index mailboxes_workspace_idx on mailboxes (workspace_id, address);

-- Stored first, processed after: nothing accepted over SMTP is lost if processing fails.
create table inbound_emails (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  mailbox_id uuid references mailboxes on delete set null,
  mail_from text not null default '',
  rcpt_to text[] not null default '{}',
  remote_address text,
  raw bytea,
  size_bytes integer not null,
  message_id_header text,
  subject text,
  -- The full original as read: plain text, and HTML after sanitize-html.
  text_full text,
  html_sanitized text,
  status inbound_email_status not null default 'received',
  reason text,
  case_id uuid references cases on delete set null,
  message_id uuid references messages on delete set null,
  linked_case_id uuid references cases on delete set null,
  override boolean not null default false,
  received_at timestamptz not null default now(),
  processed_at timestamptz
);
create index inbound_emails_status_idx on inbound_emails (workspace_id, status, received_at desc, id desc);

-- Message-IDs we received or sent, so In-Reply-To / References find the case, and the same
-- message delivered twice is recognised.
create table email_messages (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  message_id_header text not null,
  direction email_direction not null,
  case_id uuid not null references cases on delete cascade,
  message_id uuid references messages on delete set null,
  inbound_email_id uuid references inbound_emails on delete set null,
  created_at timestamptz not null default now()
);
create unique index email_messages_header_key on email_messages (workspace_id, message_id_header);
create index email_messages_case_idx on email_messages (case_id, created_at);

-- reply+<token>@MAIL_DOMAIN: one token per case, unguessable.
create table email_reply_tokens (
  token text primary key,
  workspace_id uuid not null references workspaces on delete cascade,
  case_id uuid not null unique references cases on delete cascade,
  created_at timestamptz not null default now()
);

create table outgoing_emails (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  case_id uuid references cases on delete cascade,
  message_id uuid unique references messages on delete set null,
  from_address text not null,
  to_address text not null,
  reply_to text,
  subject text not null,
  message_id_header text not null,
  in_reply_to text,
  references_header text,
  text_body text not null,
  html_body text not null,
  status outgoing_email_status not null default 'queued',
  attempts integer not null default 0,
  last_response text,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index outgoing_emails_list_idx on outgoing_emails (workspace_id, created_at desc, id desc);
