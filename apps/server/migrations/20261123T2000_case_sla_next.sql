-- Every case summary (queue pages, lists, the case view) showed the case's next target, read per row
-- from case_sla: an index scan and a sort for each of a page's 50 rows, ~40% of a queue page's
-- database time (docs/performance.md, 2026-11-26). The case now carries it, kept by the triggers
-- that already keep next_due_at (20261123T1600), so a summary reads one column.

alter table cases add column sla_next jsonb;

-- The target a summary shows: the first not yet met, running ones by due time before paused ones
-- (which have no due time). due_at is written in UTC with microseconds ("…T10:42:45.641923Z"),
-- whatever the writing session's time zone, so the same targets always give the same value and
-- the refresh below writes a case only when its next target really changed.
create function case_sla_next(p_case uuid) returns jsonb language sql stable as $$
  select jsonb_build_object('target', s.target,
    'due_at', to_char(s.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'state', s.state)
  from case_sla s
  where s.case_id = p_case and s.state <> 'met'
  order by s.due_at is null, s.due_at
  limit 1
$$;

create or replace function cases_next_due_refresh(changed uuid[]) returns void language sql as $$
  update cases c set next_due_at = x.due, sla_next = x.next
  from (select id, case_next_due(id) as due, case_sla_next(id) as next
        from unnest(changed) as u(id) order by id) x
  where c.id = x.id and (c.next_due_at is distinct from x.due or c.sla_next is distinct from x.next)
$$;

update cases c set sla_next = case_sla_next(c.id)
where exists (select 1 from case_sla s where s.case_id = c.id and s.state <> 'met');
