-- The console's server side: who is looking at a case (presence), customer imports from CSV,
-- and staff invitations.

-- Presence is a few seconds' truth: unlogged (no WAL, emptied after a crash), one row per person
-- per case, refreshed by a browser heartbeat and read only when younger than 30 seconds.
create type presence_state as enum ('viewing', 'replying');

create unlogged table case_presence (
  workspace_id uuid not null references workspaces on delete cascade,
  case_id uuid not null references cases on delete cascade,
  staff_id uuid not null references staff on delete cascade,
  state presence_state not null,
  seen_at timestamptz not null,
  primary key (case_id, staff_id)
);
create index case_presence_staff_idx on case_presence (staff_id);

create type customer_import_status as enum ('queued', 'running', 'done', 'failed');

create table customer_imports (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  created_by uuid references staff on delete set null,
  filename text not null,
  storage_key text not null,
  status customer_import_status not null default 'queued',
  total integer,
  processed integer not null default 0,
  created integer not null default 0,
  updated integer not null default 0,
  -- The first 1,000 rejected rows as {line, reason}; rejected_count counts them all.
  rejected jsonb not null default '[]',
  rejected_count integer not null default 0,
  failure_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz
);
create index customer_imports_workspace_idx on customer_imports (workspace_id, created_at desc);

create table staff_invitations (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null unique,
  workspace_id uuid not null references workspaces on delete cascade,
  staff_id uuid not null references staff on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index staff_invitations_staff_idx on staff_invitations (staff_id);
