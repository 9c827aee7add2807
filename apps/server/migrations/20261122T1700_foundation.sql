-- The case desk: workspaces, staff, customers, cases, messages, attachments, sessions and the
-- hash-chained event log that is both the case timeline and the audit trail.

create type staff_role as enum ('agent', 'supervisor', 'manager', 'admin');
create type case_status as enum ('new', 'open', 'pending', 'on_hold', 'solved', 'closed');
create type case_priority as enum ('low', 'normal', 'high', 'urgent');
create type case_channel as enum ('email', 'portal', 'api', 'phone');
create type message_visibility as enum ('public', 'internal');
create type party_kind as enum ('staff', 'customer', 'system');
create type session_kind as enum ('browser', 'token');

create table workspaces (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (length(name) between 1 and 200),
  time_zone text not null default 'Europe/London',
  languages text[] not null default '{en}',
  is_demo boolean not null default false,
  next_case_number integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table teams (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  name text not null check (length(name) between 1 and 120),
  description text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index teams_name_key on teams (workspace_id, lower(name));

create table staff (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  email text not null check (email = lower(email)),
  name text not null check (length(name) between 1 and 200),
  role staff_role not null default 'agent',
  password_hash text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index staff_email_key on staff (workspace_id, email);
create index staff_email_idx on staff (email);

create table team_members (
  workspace_id uuid not null references workspaces on delete cascade,
  team_id uuid not null references teams on delete cascade,
  staff_id uuid not null references staff on delete cascade,
  created_at timestamptz not null default now(),
  primary key (team_id, staff_id)
);
create index team_members_staff_idx on team_members (staff_id);

create table organisations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  name text not null check (length(name) between 1 and 200),
  domain text,
  notes text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index organisations_name_key on organisations (workspace_id, lower(name));

create table customers (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  organisation_id uuid references organisations on delete set null,
  name text not null check (length(name) between 1 and 200),
  email text not null check (email = lower(email)),
  phone text,
  language text not null default 'en',
  notes text not null default '',
  password_hash text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index customers_org_idx on customers (organisation_id) where organisation_id is not null;
create index customers_name_idx on customers (workspace_id, lower(name), id);

-- Every address a customer writes from; the primary one is also customers.email.
create table customer_emails (
  workspace_id uuid not null references workspaces on delete cascade,
  customer_id uuid not null references customers on delete cascade,
  email text not null check (email = lower(email)),
  created_at timestamptz not null default now(),
  primary key (workspace_id, email)
);
create index customer_emails_customer_idx on customer_emails (customer_id);
create index customer_emails_email_idx on customer_emails (email);

create table cases (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  number integer not null,
  subject text not null check (length(subject) between 1 and 300),
  status case_status not null default 'new',
  priority case_priority not null default 'normal',
  channel case_channel not null,
  customer_id uuid not null references customers,
  organisation_id uuid references organisations on delete set null,
  team_id uuid references teams on delete set null,
  assignee_id uuid references staff on delete set null,
  tags text[] not null default '{}',
  version integer not null default 1,
  message_count integer not null default 0,
  last_message_at timestamptz,
  first_response_at timestamptz,
  solved_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (to_tsvector('english', subject)) stored,
  unique (workspace_id, number)
);
create index cases_queue_idx on cases (workspace_id, status, updated_at desc, id desc);
create index cases_updated_idx on cases (workspace_id, updated_at desc, id desc);
create index cases_customer_idx on cases (customer_id, updated_at desc, id desc);
create index cases_assignee_idx on cases (assignee_id, status, updated_at desc) where assignee_id is not null;
create index cases_team_idx on cases (team_id, status, updated_at desc) where team_id is not null;
create index cases_org_idx on cases (organisation_id) where organisation_id is not null;
create index cases_tags_idx on cases using gin (tags);
create index cases_search_idx on cases using gin (search);

create table messages (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  case_id uuid not null references cases on delete cascade,
  visibility message_visibility not null,
  author_kind party_kind not null,
  author_staff_id uuid references staff on delete set null,
  author_customer_id uuid references customers on delete set null,
  body text not null check (length(body) between 1 and 100000),
  created_at timestamptz not null default now(),
  search tsvector generated always as (to_tsvector('english', body)) stored
);
create index messages_case_idx on messages (case_id, created_at, id);
create index messages_search_idx on messages using gin (search);

create table attachments (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  -- Uploaded first, then linked to a case and message when the message is sent.
  case_id uuid references cases on delete cascade,
  message_id uuid references messages on delete set null,
  filename text not null,
  content_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  sha256 text not null,
  storage_key text not null unique,
  uploaded_by_kind party_kind not null,
  uploaded_by_id uuid,
  created_at timestamptz not null default now()
);
create index attachments_case_idx on attachments (case_id, created_at) where case_id is not null;
create index attachments_unlinked_idx on attachments (created_at) where case_id is null;
create index attachments_message_idx on attachments (message_id) where message_id is not null;

create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null unique,
  workspace_id uuid not null references workspaces on delete cascade,
  kind session_kind not null,
  staff_id uuid references staff on delete cascade,
  customer_id uuid references customers on delete cascade,
  user_agent text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  check ((staff_id is null) <> (customer_id is null))
);
create index sessions_staff_idx on sessions (staff_id) where staff_id is not null;
create index sessions_customer_idx on sessions (customer_id) where customer_id is not null;

create table magic_links (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null unique,
  workspace_id uuid not null references workspaces on delete cascade,
  customer_id uuid not null references customers on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

-- The event log. Rows are appended by append_events() only, which chains each row's hash to the
-- previous one of the same workspace; audit verification recomputes the chain.
create table event_chains (
  workspace_id uuid primary key references workspaces on delete cascade,
  last_seq bigint not null default 0,
  last_hash bytea not null default '\x0000000000000000000000000000000000000000000000000000000000000000'
);

create table events (
  workspace_id uuid not null references workspaces on delete cascade,
  seq bigint not null,
  type text not null,
  case_id uuid,
  actor_kind party_kind not null,
  actor_id uuid,
  data jsonb not null default '{}',
  created_at timestamptz not null,
  prev_hash bytea not null,
  hash bytea not null,
  primary key (workspace_id, seq)
);
create index events_case_idx on events (case_id, seq) where case_id is not null;

create function event_hash(
  prev bytea, seq bigint, type text, case_id uuid, actor_kind party_kind, actor_id uuid, data jsonb,
  created_at timestamptz
) returns bytea language sql immutable parallel safe as $$
  select sha256(prev || convert_to(concat_ws(E'\x1f', seq::text, type, coalesce(case_id::text, ''),
    actor_kind::text, coalesce(actor_id::text, ''), data::text,
    (extract(epoch from created_at) * 1000000)::bigint::text), 'UTF8'))
$$;

-- Appends events (a JSON array of {type, case_id, actor_kind, actor_id, data}) to the workspace's
-- chain. The chain head row is locked until the caller's transaction ends, so the chain is linear.
create function append_events(ws uuid, items jsonb, at timestamptz) returns void language plpgsql as $$
declare
  head event_chains;
  item jsonb;
  h bytea;
begin
  insert into event_chains (workspace_id) values (ws) on conflict (workspace_id) do nothing;
  select * into head from event_chains where workspace_id = ws for update;
  for item in select * from jsonb_array_elements(items) loop
    head.last_seq := head.last_seq + 1;
    h := event_hash(head.last_hash, head.last_seq, item->>'type', (item->>'case_id')::uuid,
      (item->>'actor_kind')::party_kind, (item->>'actor_id')::uuid, coalesce(item->'data', '{}'), at);
    insert into events (workspace_id, seq, type, case_id, actor_kind, actor_id, data, created_at, prev_hash, hash)
    values (ws, head.last_seq, item->>'type', (item->>'case_id')::uuid, (item->>'actor_kind')::party_kind,
      (item->>'actor_id')::uuid, coalesce(item->'data', '{}'), at, head.last_hash, h);
    head.last_hash := h;
  end loop;
  update event_chains set last_seq = head.last_seq, last_hash = head.last_hash where workspace_id = ws;
end;
$$;
