-- Queues sorted by "due soonest" walked case_sla in due order and, for every target met on the
-- way, read its case for the list's filters and checked that no earlier running target of the same
-- case came first: ~110 targets, ~90 cases and ~65 anti-join probes for a page of 50, and a plan
-- made on every execution (a generic one could not know how selective the filters are). Now each
-- case carries its soonest running due time, kept by these triggers whatever writes case_sla, and
-- the page is one walk of a cases index (docs/decisions.md, 2026-11-25).

alter table cases add column next_due_at timestamptz;

-- The soonest due time among a case's running targets (on_track, at_risk, breached), or null.
create function case_next_due(p_case uuid) returns timestamptz language sql stable as $$
  select min(due_at) from case_sla
  where case_id = p_case and state in ('on_track', 'at_risk', 'breached') and due_at is not null
$$;

-- Statement level: one update for all the cases a statement touched, and only those whose soonest
-- due time moved (an unchanged row is not written, so no dead tuple and no index entries).
create function cases_next_due_refresh(changed uuid[]) returns void language sql as $$
  update cases c set next_due_at = x.due
  from (select id, case_next_due(id) as due from unnest(changed) as u(id) order by id) x
  where c.id = x.id and c.next_due_at is distinct from x.due
$$;

-- Inserts and deletes name their rows `changed`; updates have both sides.
create function case_sla_next_due_changed() returns trigger language plpgsql as $$
begin
  perform cases_next_due_refresh(array(select distinct case_id from changed));
  return null;
end;
$$;

create function case_sla_next_due_update() returns trigger language plpgsql as $$
begin
  perform cases_next_due_refresh(array(
    select case_id from inserted union select case_id from deleted));
  return null;
end;
$$;

create trigger case_sla_next_due_insert after insert on case_sla
  referencing new table as changed for each statement execute function case_sla_next_due_changed();
create trigger case_sla_next_due_update after update on case_sla
  referencing old table as deleted new table as inserted
  for each statement execute function case_sla_next_due_update();
create trigger case_sla_next_due_delete after delete on case_sla
  referencing old table as changed for each statement execute function case_sla_next_due_changed();

update cases c set next_due_at = x.due
from (
  select case_id, min(due_at) as due from case_sla
  where state in ('on_track', 'at_risk', 'breached') and due_at is not null
  group by case_id
) x
where c.id = x.case_id;

-- The due walk: a workspace's cases with a running target, soonest first, then id (the keyset).
-- The list's usual filters ride along, so most pages are read from the index alone.
create index cases_next_due_idx on cases (workspace_id, next_due_at, id)
  include (team_id, status, assignee_id)
  where next_due_at is not null;

drop index case_sla_workspace_due_case;
