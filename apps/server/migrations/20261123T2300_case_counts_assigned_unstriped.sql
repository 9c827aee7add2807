-- Queue counters: only the unassigned keys are striped (docs/decisions.md, 2026-11-27).
--
-- Every key (team, assignee, status) was spread over 8 rows chosen by the writing backend, and the
-- sidebar's counts read every row of the workspace. Over time each key a connection ever touched
-- grows its 8 rows: a desk of 20 agents reaches ~3,000 rows, and its counts took 1.4 ms of
-- database time where they took 0.3 at 300 rows; with more teams and agents it grows further.
-- Striping is for a key many writers hit at once. That is the unassigned queue, where new cases
-- from mail and integrations land (and a team's unassigned queue). An agent's own keys move
-- with that agent's cases; they take stripe 0, one row per key. The rows a desk can have are
-- then about one per (team, agent, status) plus 8 per (team, status) for the unassigned.

create or replace function case_counts_bump(ws uuid, team uuid, assignee uuid, st case_status, delta integer)
returns void language sql as $$
  insert into case_counts (workspace_id, team_key, assignee_key, status, stripe, n)
  values (ws, coalesce(team, '00000000-0000-0000-0000-000000000000'),
    coalesce(assignee, '00000000-0000-0000-0000-000000000000'), st,
    (case when assignee is null then pg_backend_pid() % 8 else 0 end)::smallint, delta)
  on conflict (workspace_id, team_key, assignee_key, status, stripe) do update set n = case_counts.n + excluded.n
$$;

create or replace function case_counts_maintain_insert() returns trigger language plpgsql as $$
begin
  insert into case_counts (workspace_id, team_key, assignee_key, status, stripe, n)
  select workspace_id, coalesce(team_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'), status,
    (case when assignee_id is null then pg_backend_pid() % 8 else 0 end)::smallint,
    count(*)
  from inserted group by 1, 2, 3, 4, 5
  order by 1, 2, 3, 4, 5
  on conflict (workspace_id, team_key, assignee_key, status, stripe) do update set n = case_counts.n + excluded.n;
  return null;
end;
$$;

-- Fold the assigned keys' stripes into stripe 0, and drop the rows that count nothing (a key's
-- stripes may have summed to zero long ago). A writer racing this waits for the row it wants and
-- then inserts it afresh: the sums stay exact.
with moved as (
  delete from case_counts
  where assignee_key <> '00000000-0000-0000-0000-000000000000' and stripe <> 0
  returning workspace_id, team_key, assignee_key, status, n
)
insert into case_counts (workspace_id, team_key, assignee_key, status, stripe, n)
select workspace_id, team_key, assignee_key, status, 0, sum(n) from moved group by 1, 2, 3, 4
on conflict (workspace_id, team_key, assignee_key, status, stripe) do update set n = case_counts.n + excluded.n;

delete from case_counts where n = 0;
