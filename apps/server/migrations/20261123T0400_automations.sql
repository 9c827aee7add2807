-- Automation rules (issue #7): on an event or on a schedule, conditions (JSONLogic) and actions.

create type automation_trigger as enum (
  'case_created', 'customer_replied', 'status_changed', 'sla_warning', 'sla_breached', 'schedule'
);

create table automation_rules (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  name text not null check (length(name) between 1 and 200),
  trigger automation_trigger not null,
  -- Schedule rules only: { status, after_hours } = "in this status for N hours since it entered it".
  schedule jsonb check ((trigger = 'schedule') = (schedule is not null)),
  conditions jsonb not null default 'true',
  actions jsonb not null default '[]',
  position integer not null,
  active boolean not null default true,
  -- Schedule rules: how far the sweep has come, in (status entry time, case id) order. Cases become
  -- due in the order they entered the status, so each entry is looked at once.
  sweep_after_at timestamptz,
  sweep_after_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index automation_rules_ws_idx on automation_rules (workspace_id, trigger, position) where active;
create index automation_rules_schedule_idx on automation_rules (id) where active and trigger = 'schedule';

create table automation_runs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  rule_id uuid not null references automation_rules on delete cascade,
  case_id uuid not null references cases on delete cascade,
  trigger automation_trigger not null,
  -- What made it run: `event:<events.id>`, or `status:<status>@<entered at>` for schedule rules.
  -- Unique per rule and case, so a retried job never runs a rule twice for one cause.
  cause text not null,
  -- How many automation runs led to this one (0: a person's or the system's own change).
  depth integer not null default 0,
  done jsonb not null default '[]',
  skipped jsonb not null default '[]',
  error text,
  created_at timestamptz not null,
  unique (rule_id, case_id, cause)
);
create index automation_runs_case_idx on automation_runs (case_id, created_at desc);
create index automation_runs_rule_case_idx on automation_runs (rule_id, case_id, created_at desc);

-- When a case entered its current status, for schedule rules ("pending for 5 days"). Kept by a
-- trigger so every writer of cases (the API, channels, bulk loads) keeps it right. The time is the
-- row's own updated_at as the writer sets it (every status writer does), so it follows the
-- application's clock.
-- (The default only keeps inserts that do not name it valid; the trigger sets it from created_at.)
alter table cases add column status_entered_at timestamptz;

create function cases_status_entered() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    new.status_entered_at := new.created_at;
  elsif new.status is distinct from old.status then
    new.status_entered_at := new.updated_at;
  end if;
  return new;
end;
$$;

-- Existing cases: the last change we know of is the latest their status can have been set, so a
-- schedule rule fires no earlier than it should.
update cases set status_entered_at = coalesce(closed_at, solved_at, updated_at);
alter table cases alter column status_entered_at set not null;
alter table cases alter column status_entered_at set default now();

create trigger cases_status_entered before insert or update of status on cases
  for each row execute function cases_status_entered();

create index cases_status_entered_idx on cases (workspace_id, status, status_entered_at, id);

-- The schedule sweep reschedules itself; this starts it once.
select graphile_worker.add_job('automation.sweep', '{}'::json, job_key => 'automation.sweep');
