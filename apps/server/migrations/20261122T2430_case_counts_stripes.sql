-- Queue counters striped over 8 rows per (workspace, team, assignee, status), chosen by the
-- writing backend (docs/decisions.md, 2026-11-22 "Striped queue counters"). With one row per key,
-- every new case of a workspace incremented the same row and held its lock until commit, so cases
-- were created one transaction at a time. Readers already sum the rows of a key.

alter table case_counts add column stripe smallint not null default 0;
alter table case_counts drop constraint case_counts_pkey;
alter table case_counts add primary key (workspace_id, team_key, assignee_key, status, stripe);

create or replace function case_counts_bump(ws uuid, team uuid, assignee uuid, st case_status, delta integer)
returns void language sql as $$
  insert into case_counts (workspace_id, team_key, assignee_key, status, stripe, n)
  values (ws, coalesce(team, '00000000-0000-0000-0000-000000000000'),
    coalesce(assignee, '00000000-0000-0000-0000-000000000000'), st, (pg_backend_pid() % 8)::smallint, delta)
  on conflict (workspace_id, team_key, assignee_key, status, stripe) do update set n = case_counts.n + excluded.n
$$;

create or replace function case_counts_maintain_insert() returns trigger language plpgsql as $$
begin
  insert into case_counts (workspace_id, team_key, assignee_key, status, stripe, n)
  select workspace_id, coalesce(team_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'), status, (pg_backend_pid() % 8)::smallint,
    count(*)
  from inserted group by 1, 2, 3, 4
  order by 1, 2, 3, 4
  on conflict (workspace_id, team_key, assignee_key, status, stripe) do update set n = case_counts.n + excluded.n;
  return null;
end;
$$;
