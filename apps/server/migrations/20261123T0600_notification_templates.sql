-- Customer notification emails (case received, agent replied, decision made): a workspace may
-- override the built-in text (kept in code, per language) and switch a notification off. A row
-- without subject/body only carries the switch; the built-in text is used.

create type notification_kind as enum ('case_received', 'agent_replied', 'decision_made');

create table notification_templates (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  kind notification_kind not null,
  -- BCP 47 primary language subtag: 'en', 'de', 'nl'
  language text not null check (language ~ '^[a-z]{2,3}$'),
  subject text check (length(subject) between 1 and 300),
  body text check (length(body) between 1 and 20000),
  enabled boolean not null default true,
  updated_by uuid references staff on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Text comes as a pair: both customised or both the default.
  check ((subject is null) = (body is null))
);
create unique index notification_templates_key on notification_templates (workspace_id, kind, language);

-- A notification mail records what caused it ('case_received:<case>', 'agent_replied:<message>',
-- 'decision_made:<communication>'), so a retried job finds the mail it already made.
alter table outgoing_emails add column notification_kind notification_kind;
alter table outgoing_emails add column cause_key text;
create unique index outgoing_emails_cause_key on outgoing_emails (cause_key);
