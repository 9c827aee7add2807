-- The triggers on case_sla refresh their cases' next due time (20261123T1600, 20261123T2000) once
-- per statement and side. A recompute writes its targets in one statement (sla.queries.ts
-- writeTargets): a delete that usually deletes nothing and an upsert that either inserts or
-- updates, so of the three statement triggers it fires, one or two have no rows. Each still ran
-- the refresh's update, in a SQL function that PostgreSQL planned on every call (~0.2 ms of
-- planning and ~0.2 ms more to update nothing, measured with pg_stat_statements under the
-- benchmark's worker). Now the refresh returns at once when given no case, and it is PL/pgSQL with
-- one generic plan, kept for the session: its update joins the given ids to cases by primary key
-- whatever their number (PostgreSQL kept choosing a custom plan, since the generic one's estimate
-- of ten ids looks dearer than the custom one's one). What it writes is unchanged.

create or replace function cases_next_due_refresh(changed uuid[]) returns void language plpgsql
set plan_cache_mode = force_generic_plan
as $$
begin
  if coalesce(cardinality(changed), 0) = 0 then
    return;
  end if;
  update cases c set next_due_at = x.due, sla_next = x.next
  from (select id, case_next_due(id) as due, case_sla_next(id) as next
        from unnest(changed) as u(id) order by id) x
  where c.id = x.id and (c.next_due_at is distinct from x.due or c.sla_next is distinct from x.next);
end;
$$;
