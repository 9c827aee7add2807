-- IMAP polling: a mailbox in 'imap' mode has one row here with its server settings (the password
-- sealed with AES-256-GCM under SECRET_KEY, never in clear) and its poll state, so polling
-- resumes after a restart from the last UID whose message was stored.

create type imap_security as enum ('tls', 'starttls', 'none');

create table mailbox_imap (
  mailbox_id uuid primary key references mailboxes on delete cascade,
  workspace_id uuid not null references workspaces on delete cascade,
  host text not null,
  port integer not null check (port between 1 and 65535),
  security imap_security not null default 'tls',
  username text not null,
  -- 'v1.<iv>.<tag>.<ciphertext>' (base64url), see infra/secrets.ts.
  password_sealed text not null,
  folder text not null default 'INBOX',
  poll_seconds integer not null default 60 check (poll_seconds between 10 and 86400),
  -- The folder's UIDVALIDITY when last_uid was recorded; a change means the UIDs start over.
  uid_validity bigint,
  last_uid bigint not null default 0,
  last_poll_at timestamptz,
  last_success_at timestamptz,
  last_error text,
  failures integer not null default 0,
  -- A poll holds the mailbox until then, so two workers never poll it at the same time.
  lease_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index mailbox_imap_workspace_idx on mailbox_imap (workspace_id);

-- The safety net that restarts a mailbox's poll chain after it was lost (see email.imap.sweep).
select graphile_worker.add_job('email.imap.sweep', '{}'::json, job_key => 'email.imap.sweep');

-- Which PostgreSQL session stands for each running graphile-worker pool. graphile-worker frees the
-- jobs of a worker that died only after 4 hours; a pool whose session is gone from
-- pg_stat_activity has died, so its jobs are freed at once (infra/worker-liveness.ts).
create table worker_pools (
  pool_id text primary key,
  backend_pid integer not null,
  backend_start timestamptz not null,
  registered_at timestamptz not null default now()
);
