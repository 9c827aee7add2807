-- Macros: canned replies with placeholders plus field changes, applied by agents from the reply
-- editor or sent by automations as the system. The body is plain text like messages' bodies
-- (paragraphs separated by blank lines); placeholders such as {{customer.first_name}} are
-- rendered when the macro is applied.

create table macros (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  name text not null check (length(name) between 1 and 120),
  body text not null default '' check (length(body) <= 20000),
  -- a public reply or an internal note
  kind message_visibility not null default 'public',
  -- { status?, priority?, team_id? (null: no team), assignee_id? (a staff id, "me", or null:
  --   unassign), add_tags?: [], remove_tags?: [] }; absent keys leave the field alone
  changes jsonb not null default '{}',
  -- null: shared with the workspace; else the one staff member it belongs to
  owner_staff_id uuid references staff on delete cascade,
  active boolean not null default true,
  usage_count integer not null default 0 check (usage_count >= 0),
  last_used_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One name per workspace and owner (shared macros count as one owner), whatever the letter case.
create unique index macros_name_unique on macros (
  workspace_id,
  coalesce(owner_staff_id, '00000000-0000-0000-0000-000000000000'::uuid),
  lower(name)
);
create index macros_list_idx on macros (workspace_id, usage_count desc, lower(name));
