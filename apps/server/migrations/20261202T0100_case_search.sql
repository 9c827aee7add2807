-- A case's subject words live in a table of their own, `case_search`, written when the case is
-- opened and when its subject changes, no longer on every change of the case (docs/decisions.md,
-- 2026-12-12).
--
-- `updated_at` is in five of the indexes of `cases`, so no update of a case is HOT: every reply,
-- status change, assignment and service-level recompute writes a new version of the row and a new
-- entry into every index of the table, the subject's three search indexes included. Those are the
-- dear ones: the GIN index keyed by day (fastupdate off, so each of the subject's words is inserted
-- into the index's tree at once, after search_day_terms computed its keys), the plain GIN index
-- (its pending list) and the walk's btree, which carries the whole tsvector. Moved here, a reply
-- cost the database 1.13-1.16 ms of CPU instead of 1.17-1.22 on the quick benchmark dataset, and
-- replies went from 949-1,022 to 995-1,066 a second at 16 connections; new cases, which write the
-- same words either way, did not change beyond the noise (docs/performance-history.md, 2026-12-12).
--
-- `case_search` holds the case's id, workspace, creation time (what the day keys and the order of
-- equal ranks need) and words, with the same indexes those on `cases` were, built from the same
-- definitions. The walk of a query of negated words only (20261123T1200_search_walk) now takes the
-- newest cases by creation instead of by last change: the walk's index then changes only when a
-- case is opened.
--
-- Triggers keep it, so every way a case is written keeps its words: a statement-level trigger on
-- insert, one statement for a whole bulk insert (the benchmark's seed, an import), as the counters'
-- trigger does; a row-level trigger on updates that name the subject, its workspace or its
-- creation time, with a WHEN, so that the updates the app makes (which name none of them) never
-- call it. `workspace_id` is a copy of the case's, which has its foreign key; a second key here
-- would share-lock the workspace's row once more per new case.

create table case_search (
  case_id uuid primary key references cases on delete cascade,
  workspace_id uuid not null,
  created_at timestamptz not null,
  search tsvector not null
);

-- As cases and messages (20261124T0100_search_walk_visible): the walk reads only its index, and
-- only rows on pages the visibility map marks all-visible; vacuum also merges the plain GIN
-- index's pending list.
alter table case_search set (
  autovacuum_vacuum_insert_scale_factor = 0,
  autovacuum_vacuum_insert_threshold = 500,
  autovacuum_vacuum_scale_factor = 0,
  autovacuum_vacuum_threshold = 500
);

insert into case_search (case_id, workspace_id, created_at, search)
select id, workspace_id, created_at, search from cases;

create index case_search_idx on case_search using gin (search) with (gin_pending_list_limit = 256);
create index case_search_day_idx on case_search using gin (search_day_terms(created_at, search))
  with (fastupdate = off);
create index case_search_walk_idx on case_search (workspace_id, created_at desc, case_id desc) include (search);

create function case_search_opened() returns trigger language plpgsql as $$
begin
  insert into case_search (case_id, workspace_id, created_at, search)
  select id, workspace_id, created_at, to_tsvector('fairdesk', subject) from opened;
  return null;
end
$$;

create function case_search_changed() returns trigger language plpgsql as $$
begin
  update case_search
  set workspace_id = new.workspace_id, created_at = new.created_at, search = to_tsvector('fairdesk', new.subject)
  where case_id = new.id;
  return null;
end
$$;

create trigger cases_search_opened after insert on cases
  referencing new table as opened for each statement execute function case_search_opened();
create trigger cases_search_changed after update of subject, workspace_id, created_at on cases
  for each row
  when (old.subject is distinct from new.subject or old.workspace_id is distinct from new.workspace_id
    or old.created_at is distinct from new.created_at)
  execute function case_search_changed();

drop index cases_search_idx;
drop index cases_search_day_idx;
drop index cases_search_walk_idx;
alter table cases drop column search;
-- The walks of a workspace's cases by last change (lists by `updated_desc`) had
-- cases_search_walk_idx, which had this key (20261123T1900_drop_cases_updated_idx).
create index cases_updated_idx on cases (workspace_id, updated_at desc, id desc);

-- The candidates of a staff search, as 20261129T0100_search_rank_length wrote them, with the
-- subjects read from case_search: the same probes, the same bounds, the same ranks. Only the
-- negated walk changed (above).
create or replace function search_candidates(
  p_workspace uuid, p_query tsquery, p_keep int, p_enough int, p_older int, p_days int)
returns table (case_id uuid, message_id uuid, rank real, at timestamptz)
language plpgsql stable
set enable_seqscan = off
set enable_indexscan = off
set plan_cache_mode = force_generic_plan
as $$
declare
  tree text := querytree(p_query)::text;
  words text[] := search_query_words(p_query);
  today int := search_day(now());
  -- A word that names one thing (an order or invoice number, an address) matches few rows in all
  -- history: all of them come from the plain GIN index at once, instead of probing 64 empty days.
  named boolean := tree not like '%|%'
    and exists (select from unnest(words) w where w ~ '[0-9@]' and length(w) >= 5);
  ids uuid[]; of_cases uuid[]; ranks real[]; ats timestamptz[];
  w1 text[]; w2 text[]; w3 text[];
  hi int; lo int; span int; got int; n int; horizon timestamptz;
begin
  if tree = 'T' then
    -- enable_indexscan = off (above) forbids index-only scans too, and without one this walk was
    -- a scan and sort of the whole workspace: 80 ms on 100,000 cases, 0.7-1.5 s on a million. The
    -- function's SET puts the setting back when it returns.
    perform set_config('enable_indexscan', 'on', true);
    return query
      -- The newest cases by creation: the walk reads only case_search_walk_idx.
      select w.case_id, null::uuid, (ts_rank_cd(w.search, p_query, 1) * 2)::real, w.created_at from (
        select s.case_id, s.search, s.created_at from case_search s
        where s.workspace_id = p_workspace
        order by s.created_at desc, s.case_id desc
        limit 5000) w
      where w.search @@ p_query
      limit p_keep;
    return;
  end if;
  if cardinality(words) = 0 then
    return;
  end if;
  if tree like '%|%' then
    w1 := words; w2 := words; w3 := words;
  else
    w1 := array[words[1]];
    w2 := array[words[least(2, cardinality(words))]];
    w3 := array[words[least(3, cardinality(words))]];
  end if;

  -- Subjects, then message bodies: the two loops are the same but for their table, written out
  -- because one loop over both would need EXECUTE, whose statements are planned on every call.
  -- Subjects.
  if named then
    select array_agg(hit.case_id), array_agg(hit.r), array_agg(hit.at) into ids, ranks, ats from (
      select s.case_id, (ts_rank_cd(s.search, p_query, 1) * 2)::real as r, s.created_at as at from case_search s
      where s.workspace_id = p_workspace and s.search @@ p_query
      limit p_older + 1) hit;
  end if;
  if named and coalesce(cardinality(ids), 0) <= p_older then
    return query select hit.id, null::uuid, hit.r, hit.at from unnest(ids, ranks, ats) hit(id, r, at);
  else
    got := 0; hi := today + 1; lo := today; span := 1;
    loop
      return query
        select s.case_id, null::uuid, (ts_rank_cd(s.search, p_query, 1) * 2)::real, s.created_at from case_search s
        where search_day_terms(s.created_at, s.search) && search_day_keys(w1, lo, hi)
          and search_day_terms(s.created_at, s.search) && search_day_keys(w2, lo, hi)
          and search_day_terms(s.created_at, s.search) && search_day_keys(w3, lo, hi)
          and s.workspace_id = p_workspace and s.search @@ p_query
        limit p_keep - got;
      get diagnostics n = row_count;
      got := got + n;
      exit when got >= p_enough or got >= p_keep or today - lo >= p_days - 1;
      hi := lo - 1; lo := greatest(hi - span + 1, today - p_days + 1); span := least(span * 2, 8);
    end loop;
    if got < p_enough then
      horizon := to_timestamp(lo::float8 * 86400);
      return query
        select s.case_id, null::uuid, (ts_rank_cd(s.search, p_query, 1) * 2)::real, s.created_at from case_search s
        where s.workspace_id = p_workspace and s.search @@ p_query and s.created_at < horizon
        limit p_older;
    end if;
  end if;

  -- Message bodies.
  if named then
    select array_agg(hit.case_id), array_agg(hit.id), array_agg(hit.r), array_agg(hit.at)
      into of_cases, ids, ranks, ats from (
      select m.case_id, m.id, ts_rank_cd(m.search, p_query, 1) as r, m.created_at as at from messages m
      where m.workspace_id = p_workspace and m.search @@ p_query
      limit p_older + 1) hit;
  end if;
  if named and coalesce(cardinality(ids), 0) <= p_older then
    return query select hit.case_id, hit.id, hit.r, hit.at
      from unnest(of_cases, ids, ranks, ats) hit(case_id, id, r, at);
  else
    got := 0; hi := today + 1; lo := today; span := 1;
    loop
      return query
        select m.case_id, m.id, ts_rank_cd(m.search, p_query, 1), m.created_at from messages m
        where search_day_terms(m.created_at, m.search) && search_day_keys(w1, lo, hi)
          and search_day_terms(m.created_at, m.search) && search_day_keys(w2, lo, hi)
          and search_day_terms(m.created_at, m.search) && search_day_keys(w3, lo, hi)
          and m.workspace_id = p_workspace and m.search @@ p_query
        limit p_keep - got;
      get diagnostics n = row_count;
      got := got + n;
      exit when got >= p_enough or got >= p_keep or today - lo >= p_days - 1;
      hi := lo - 1; lo := greatest(hi - span + 1, today - p_days + 1); span := least(span * 2, 8);
    end loop;
    if got < p_enough then
      horizon := to_timestamp(lo::float8 * 86400);
      return query
        select m.case_id, m.id, ts_rank_cd(m.search, p_query, 1), m.created_at from messages m
        where m.workspace_id = p_workspace and m.search @@ p_query and m.created_at < horizon
        limit p_older;
    end if;
  end if;
end
$$;

analyze case_search;
analyze cases;
