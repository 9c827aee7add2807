-- Requests decided within bounds: versioned policies, the requests customers make, the decisions
-- taken on them (append-only), the authorisations that bend flexible policies, and the
-- communications that tell the customer.

create type policy_layer as enum ('law', 'professional', 'moral', 'organisational');
create type policy_strength as enum ('hard', 'flexible');
create type policy_effect as enum ('entitle', 'forbid', 'allow', 'allow_with_authority');
create type policy_version_status as enum ('draft', 'published');
create type request_kind as enum (
  'refund', 'replacement', 'repair', 'return', 'goodwill_credit', 'deadline_extension', 'data_access',
  'advice', 'other'
);
create type decision_outcome as enum ('granted', 'refused', 'needs_authorisation');
-- "expired" is not stored: it is computed from expires_at when read or used.
create type authorisation_status as enum ('pending', 'approved', 'denied');

create table policies (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  latest_version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index policies_workspace_idx on policies (workspace_id, created_at, id);

-- Every edit of a policy is a version; published versions are never changed, so a decision that
-- names a version id can always be explained as it was taken.
create table policy_versions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  policy_id uuid not null references policies on delete cascade,
  version integer not null check (version >= 1),
  status policy_version_status not null default 'draft',
  name text not null check (length(name) between 1 and 200),
  layer policy_layer not null,
  strength policy_strength not null,
  kinds request_kind[] not null default '{}',
  condition jsonb not null default 'true',
  effect policy_effect not null,
  authority jsonb,
  citation text not null,
  explanation text not null,
  alternatives text[] not null default '{}',
  enabled boolean not null default true,
  effective_from timestamptz,
  published_at timestamptz,
  published_by uuid references staff on delete set null,
  created_by uuid references staff on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (policy_id, version),
  check (status = 'draft' or (effective_from is not null and published_at is not null)),
  -- Law, professional requirements and moral standards are never bent.
  check (layer = 'organisational' or strength = 'hard')
);
create index policy_versions_in_force_idx on policy_versions (workspace_id, policy_id, effective_from desc)
  where status = 'published';

create table policy_settings (
  workspace_id uuid primary key references workspaces on delete cascade,
  default_outcome decision_outcome not null default 'needs_authorisation'
    check (default_outcome <> 'refused'),
  default_role staff_role not null default 'supervisor',
  authorisation_ttl_days integer not null default 7 check (authorisation_ttl_days between 1 and 90),
  updated_at timestamptz not null default now()
);

create table requests (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  case_id uuid not null references cases on delete cascade,
  customer_id uuid not null references customers,
  kind request_kind not null,
  amount bigint check (amount >= 0),
  currency text check (currency ~ '^[A-Z]{3}$'),
  facts jsonb not null default '{}',
  description text not null default '',
  -- The customer and case as the engine saw them, so what-if replays are deterministic.
  context jsonb not null,
  recorded_by uuid references staff on delete set null,
  recorded_role staff_role not null,
  -- The engine's own decision, and the current one (after authorisations); both in decisions.
  engine_decision_id uuid,
  decision_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((amount is null) = (currency is null))
);
create index requests_case_idx on requests (case_id, created_at, id);
create index requests_recent_idx on requests (workspace_id, created_at desc, id desc);

-- Decisions are appended, never updated: an authorisation adds a new decision for the request.
create table decisions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  request_id uuid not null references requests on delete cascade,
  case_id uuid not null references cases on delete cascade,
  outcome decision_outcome not null,
  basis text not null,
  hard boolean not null default false,
  required_role staff_role,
  trace jsonb not null default '[]',
  citations jsonb not null default '[]',
  explanation text not null default '',
  alternatives text[] not null default '{}',
  policy_version_ids uuid[] not null default '{}',
  decided_by uuid references staff on delete set null,
  decided_role staff_role,
  authorisation_id uuid,
  conditions text[] not null default '{}',
  created_at timestamptz not null default now()
);
create index decisions_request_idx on decisions (request_id, created_at, id);
create index decisions_workspace_idx on decisions (workspace_id, created_at);

create table authorisations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  request_id uuid not null references requests on delete cascade,
  case_id uuid not null references cases on delete cascade,
  status authorisation_status not null default 'pending',
  required_role staff_role,
  policy_version_ids uuid[] not null default '{}',
  requested_by uuid references staff on delete set null,
  requested_at timestamptz not null,
  note text not null default '',
  decided_by uuid references staff on delete set null,
  decided_role staff_role,
  decided_at timestamptz,
  reason text,
  conditions text[] not null default '{}',
  -- A pending ask lapses at expires_at; an approval must be used (communicated) before it.
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index authorisations_queue_idx on authorisations (workspace_id, requested_at, id)
  where status = 'pending';
create index authorisations_request_idx on authorisations (request_id, created_at, id);
create index authorisations_decided_idx on authorisations (workspace_id, status, decided_at desc, id desc)
  where status <> 'pending';

create table communications (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  request_id uuid not null references requests on delete cascade,
  decision_id uuid not null references decisions on delete cascade,
  case_id uuid not null references cases on delete cascade,
  message_id uuid references messages on delete set null,
  outcome decision_outcome not null,
  explanation text not null,
  alternatives text[] not null default '{}',
  sent_by uuid references staff on delete set null,
  created_at timestamptz not null default now()
);
create index communications_request_idx on communications (request_id, created_at, id);
create index communications_workspace_idx on communications (workspace_id, created_at);
