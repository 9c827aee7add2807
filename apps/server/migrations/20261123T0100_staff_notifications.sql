-- In-app notifications for staff: one row per recipient, read or not.

create table staff_notifications (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  staff_id uuid not null references staff on delete cascade,
  -- the case it is about, if any; the notification goes with the case
  case_id uuid references cases on delete cascade,
  -- what raised it: 'sla_warning', 'sla_breached', 'automation', ...
  kind text not null check (length(kind) between 1 and 60),
  title text not null check (length(title) between 1 and 200),
  body text not null default '' check (length(body) <= 2000),
  data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  read_at timestamptz
);

-- "My newest": a person's notifications, newest first (keyset on created_at, id).
create index staff_notifications_mine_idx
  on staff_notifications (workspace_id, staff_id, created_at desc, id desc);
-- "My unread count" and the unread-only list: only unread rows are indexed.
create index staff_notifications_unread_idx
  on staff_notifications (workspace_id, staff_id, created_at desc, id desc) where read_at is null;
-- Cascading a deleted case.
create index staff_notifications_case_idx on staff_notifications (case_id) where case_id is not null;
