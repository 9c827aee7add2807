-- Queue counts for the sidebar, maintained incrementally: one row per (workspace, team, assignee,
-- status) holding how many cases are there. Counting never scans cases.
create table case_counts (
  workspace_id uuid not null references workspaces on delete cascade,
  -- The nil uuid stands for "no team" / "unassigned", so the key can be a primary key.
  team_key uuid not null,
  assignee_key uuid not null,
  status case_status not null,
  n integer not null default 0,
  primary key (workspace_id, team_key, assignee_key, status)
);

create function case_counts_bump(ws uuid, team uuid, assignee uuid, st case_status, delta integer)
returns void language sql as $$
  insert into case_counts (workspace_id, team_key, assignee_key, status, n)
  values (ws, coalesce(team, '00000000-0000-0000-0000-000000000000'),
    coalesce(assignee, '00000000-0000-0000-0000-000000000000'), st, delta)
  on conflict (workspace_id, team_key, assignee_key, status) do update set n = case_counts.n + excluded.n
$$;

create function case_counts_maintain() returns trigger language plpgsql as $$
declare
  nil constant uuid := '00000000-0000-0000-0000-000000000000';
begin
  if tg_op = 'DELETE' then
    perform case_counts_bump(old.workspace_id, old.team_id, old.assignee_id, old.status, -1);
    return null;
  end if;
  if old.status = new.status and old.team_id is not distinct from new.team_id
     and old.assignee_id is not distinct from new.assignee_id then
    return null;
  end if;
  -- Touch the two counter rows in key order, so two moves in opposite directions cannot deadlock.
  if (coalesce(old.team_id, nil), coalesce(old.assignee_id, nil), old.status)
     < (coalesce(new.team_id, nil), coalesce(new.assignee_id, nil), new.status) then
    perform case_counts_bump(old.workspace_id, old.team_id, old.assignee_id, old.status, -1);
    perform case_counts_bump(new.workspace_id, new.team_id, new.assignee_id, new.status, 1);
  else
    perform case_counts_bump(new.workspace_id, new.team_id, new.assignee_id, new.status, 1);
    perform case_counts_bump(old.workspace_id, old.team_id, old.assignee_id, old.status, -1);
  end if;
  return null;
end;
$$;

-- Statement-level variant for bulk inserts: one upsert per distinct key instead of one per row.
create function case_counts_maintain_insert() returns trigger language plpgsql as $$
begin
  insert into case_counts (workspace_id, team_key, assignee_key, status, n)
  select workspace_id, coalesce(team_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'), status, count(*)
  from inserted group by 1, 2, 3, 4
  order by 1, 2, 3, 4
  on conflict (workspace_id, team_key, assignee_key, status) do update set n = case_counts.n + excluded.n;
  return null;
end;
$$;

create trigger cases_counts_insert after insert on cases
  referencing new table as inserted for each statement execute function case_counts_maintain_insert();
create trigger cases_counts_change after update of status, team_id, assignee_id or delete on cases
  for each row execute function case_counts_maintain();

-- "Solved recently" is a time window, not a counter: served from this small partial index.
create index cases_solved_recent_idx on cases (workspace_id, solved_at) where status = 'solved';

insert into case_counts (workspace_id, team_key, assignee_key, status, n)
select workspace_id, coalesce(team_id, '00000000-0000-0000-0000-000000000000'),
  coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'), status, count(*)
from cases group by 1, 2, 3, 4;
