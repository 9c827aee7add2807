-- Search at a million cases (docs/performance.md, features/cases/search.queries.ts). The candidate step
-- walks the newest rows of a workspace testing each one's tsvector; these indexes carry the tsvector
-- (and what the filters need) so the walk reads only the index, in time order, never the heap. The
-- GIN indexes stay for the few older matches of a rare query.
drop index if exists messages_workspace_created_idx;
create index messages_search_walk_idx on messages (workspace_id, created_at desc, id desc)
  include (case_id, search);
create index cases_search_walk_idx on cases (workspace_id, updated_at desc, id desc)
  include (search);

-- The candidates of a staff search in one workspace: per source (subjects, message bodies), the
-- newest matches among its newest p_window rows (at most p_keep), and when that window holds fewer
-- than p_enough, up to p_older matches from before it, taken from the GIN index in whatever order
-- the heap gives them (bounded work: not necessarily the newest of them). With its rank.
-- The settings keep the plan's shape whatever the words: a sequential scan is never the cheap path
-- here (the walk is index-only, the older matches come from a bitmap of the GIN index), but rare
-- words' estimates can make it look so; and each call is planned for its own words, not with a
-- generic plan (PostgreSQL 18 caches SQL functions' plans).
create function search_candidates(
  p_workspace uuid, p_query tsquery, p_keep int, p_window int, p_enough int, p_older int)
returns table (case_id uuid, message_id uuid, rank real)
language sql stable
set enable_seqscan = off
set plan_cache_mode = force_custom_plan
as $$
  with recent_subjects as materialized (
    select w.id, w.search from (
      select c.id, c.search from cases c
      where c.workspace_id = p_workspace
      order by c.updated_at desc, c.id desc
      limit p_window) w
    where w.search @@ p_query
    limit p_keep),
  older_subjects as (
    select c.id, c.search from cases c
    where (select count(*) from recent_subjects) < p_enough
      and c.workspace_id = p_workspace and c.search @@ p_query
      and c.id not in (select id from recent_subjects)
    limit p_older),
  recent_bodies as materialized (
    select w.id, w.case_id, w.search from (
      select m.id, m.case_id, m.search from messages m
      where m.workspace_id = p_workspace
      order by m.created_at desc, m.id desc
      limit p_window) w
    where w.search @@ p_query
    limit p_keep),
  older_bodies as (
    select m.id, m.case_id, m.search from messages m
    where (select count(*) from recent_bodies) < p_enough
      and m.workspace_id = p_workspace and m.search @@ p_query
      and m.id not in (select id from recent_bodies)
    limit p_older)
  select s.id, null::uuid, ts_rank_cd(s.search, p_query) * 2
  from (select * from recent_subjects union all select * from older_subjects) s
  union all
  select b.case_id, b.id, ts_rank_cd(b.search, p_query)
  from (select * from recent_bodies union all select * from older_bodies) b
$$;
