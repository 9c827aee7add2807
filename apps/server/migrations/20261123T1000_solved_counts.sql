-- "Solved recently" for the sidebar, kept incrementally like case_counts: how many cases each
-- workspace solved per UTC day (the day of solved_at), striped over 8 rows per day as case_counts
-- is (20261122T2430), so that agents solving cases at the same moment do not queue on one row.
-- A case counts for its solve day while its status is `solved`: reopening or closing it takes it
-- out again, a new solve counts it on the new day. Team and assignee moves do not matter (a case
-- never leaves its workspace). Counting no longer reads cases, whose solved share grows with the
-- data (2.0-2.5 ms of database CPU per counts request at 1M cases). The reader sums whole days;
-- which days is defined in features/cases/counts.service.ts.
create table case_solved_days (
  workspace_id uuid not null references workspaces on delete cascade,
  day date not null,
  stripe smallint not null,
  n integer not null,
  primary key (workspace_id, day, stripe)
);

create function case_solved_day(st case_status, solved_at timestamptz) returns date
language sql immutable as $$
  select case when st = 'solved' then (solved_at at time zone 'UTC')::date end
$$;

create function case_solved_days_bump(ws uuid, d date, delta integer) returns void language sql as $$
  insert into case_solved_days (workspace_id, day, stripe, n)
  values (ws, d, (pg_backend_pid() % 8)::smallint, delta)
  on conflict (workspace_id, day, stripe) do update set n = case_solved_days.n + excluded.n
$$;

-- Row level for updates, and only for rows that enter, leave or move within "solved" (the WHEN
-- clause is checked before the function is called, so replies and assignments cost nothing here).
create function case_solved_days_maintain() returns trigger language plpgsql as $$
declare
  old_day date := case_solved_day(old.status, old.solved_at);
  new_day date := case_solved_day(new.status, new.solved_at);
begin
  if old_day is not distinct from new_day and old.workspace_id = new.workspace_id then
    return null;
  end if;
  -- Touch the two counter rows in key order, so two opposite moves cannot deadlock.
  if old_day is not null and new_day is not null
     and (new.workspace_id, new_day) < (old.workspace_id, old_day) then
    perform case_solved_days_bump(new.workspace_id, new_day, 1);
    perform case_solved_days_bump(old.workspace_id, old_day, -1);
    return null;
  end if;
  if old_day is not null then
    perform case_solved_days_bump(old.workspace_id, old_day, -1);
  end if;
  if new_day is not null then
    perform case_solved_days_bump(new.workspace_id, new_day, 1);
  end if;
  return null;
end;
$$;

-- Statement level with transition tables for inserts and deletes: one upsert per distinct day, so
-- bulk loads (the bench's seeding, imports) fill the counters as they go.
create function case_solved_days_maintain_insert() returns trigger language plpgsql as $$
begin
  insert into case_solved_days (workspace_id, day, stripe, n)
  select workspace_id, case_solved_day(status, solved_at), (pg_backend_pid() % 8)::smallint, count(*)
  from inserted where status = 'solved' and solved_at is not null
  group by 1, 2
  order by 1, 2
  on conflict (workspace_id, day, stripe) do update set n = case_solved_days.n + excluded.n;
  return null;
end;
$$;

create function case_solved_days_maintain_delete() returns trigger language plpgsql as $$
begin
  insert into case_solved_days (workspace_id, day, stripe, n)
  select workspace_id, case_solved_day(status, solved_at), (pg_backend_pid() % 8)::smallint, -count(*)
  from deleted where status = 'solved' and solved_at is not null
  group by 1, 2
  order by 1, 2
  on conflict (workspace_id, day, stripe) do update set n = case_solved_days.n + excluded.n;
  return null;
end;
$$;

create trigger cases_solved_days_insert after insert on cases
  referencing new table as inserted for each statement execute function case_solved_days_maintain_insert();
create trigger cases_solved_days_delete after delete on cases
  referencing old table as deleted for each statement execute function case_solved_days_maintain_delete();
create trigger cases_solved_days_change after update of status, solved_at, workspace_id on cases
  for each row
  when ((old.status = 'solved' or new.status = 'solved')
    and (old.status is distinct from new.status or old.solved_at is distinct from new.solved_at
      or old.workspace_id is distinct from new.workspace_id))
  execute function case_solved_days_maintain();

-- Backfill after the triggers exist: creating them locked cases against writes until this
-- migration commits, so no solve can fall between the count and the triggers.
insert into case_solved_days (workspace_id, day, stripe, n)
select workspace_id, case_solved_day(status, solved_at), 0, count(*)
from cases where status = 'solved' and solved_at is not null
group by 1, 2;
