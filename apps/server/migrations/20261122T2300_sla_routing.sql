-- Service levels on business hours, and routing of new cases to available agents.

create table business_calendars (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  -- null: the workspace's calendar; otherwise the calendar of one team.
  team_id uuid references teams on delete cascade,
  name text not null check (length(name) between 1 and 120),
  time_zone text not null,
  -- [{ "day": 0-6, "start": "HH:MM", "end": "HH:MM" }], an end at or before the start runs past midnight
  weekly jsonb not null default '[]',
  holiday_country text,
  holiday_region text,
  closures date[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique nulls not distinct (workspace_id, team_id)
);

create type sla_target as enum ('first_response', 'next_response', 'resolution');
create type sla_state as enum ('on_track', 'at_risk', 'breached', 'met', 'paused');

create table sla_policies (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  name text not null check (length(name) between 1 and 120),
  -- lower first; the first policy whose conditions hold applies
  position integer not null default 0,
  -- JSONLogic over { priority, channel, organisation_id, tags, team_id }; {} or true matches all
  conditions jsonb not null default 'true',
  -- { "first_response": { "minutes": 60, "business": true }, ... }
  targets jsonb not null,
  pause_statuses case_status[] not null default '{pending,on_hold}',
  warn_before_minutes integer not null default 60 check (warn_before_minutes >= 0),
  raise_priority_on_breach boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sla_policies_workspace on sla_policies (workspace_id, position);

-- One row per case and target, recomputed from the case's history on every relevant event.
create table case_sla (
  workspace_id uuid not null references workspaces on delete cascade,
  case_id uuid not null references cases on delete cascade,
  target sla_target not null,
  policy_id uuid references sla_policies on delete set null,
  minutes integer not null,
  business boolean not null,
  started_at timestamptz not null,
  due_at timestamptz,
  warn_at timestamptz,
  state sla_state not null,
  paused_at timestamptz,
  met_at timestamptz,
  warned_at timestamptz,
  breached_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (case_id, target)
);
-- The sweep: running targets whose warning or due time has passed.
create index case_sla_running on case_sla (due_at) where state in ('on_track', 'at_risk');
create index case_sla_workspace_due on case_sla (workspace_id, due_at) where state in ('on_track', 'at_risk', 'breached');

-- Routing.
create type assignment_mode as enum ('manual', 'round_robin', 'load_balanced');
create type availability as enum ('online', 'away', 'offline');

create table team_routing (
  team_id uuid primary key references teams on delete cascade,
  workspace_id uuid not null references workspaces on delete cascade,
  mode assignment_mode not null default 'manual',
  -- open cases an agent may hold in this team when load balancing
  default_capacity integer not null default 10 check (default_capacity > 0),
  -- difficult cases an agent may get within the window before others must take their turn
  difficult_window_hours integer not null default 24 check (difficult_window_hours > 0),
  last_assigned_staff_id uuid references staff on delete set null,
  updated_at timestamptz not null default now()
);

create table agent_routing (
  staff_id uuid primary key references staff on delete cascade,
  workspace_id uuid not null references workspaces on delete cascade,
  availability availability not null default 'offline',
  capacity integer check (capacity > 0),
  skills text[] not null default '{}',
  updated_at timestamptz not null default now()
);

create table routing_assignments (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  case_id uuid not null unique references cases on delete cascade,
  team_id uuid references teams on delete set null,
  staff_id uuid references staff on delete set null,
  difficult boolean not null default false,
  explanation text not null,
  created_at timestamptz not null default now()
);
create index routing_assignments_difficult on routing_assignments (workspace_id, staff_id, created_at) where difficult;

-- The safety-net sweep reschedules itself; this starts it once.
select graphile_worker.add_job('sla.sweep', '{}'::json, job_key => 'sla.sweep');
