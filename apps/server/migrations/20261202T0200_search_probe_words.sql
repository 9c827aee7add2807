-- A probe of the day indexes ANDs each distinct word of the query once (docs/decisions.md,
-- 2026-12-12).
--
-- search_candidates (20261202T0100_case_search) always ANDed three `&&` conditions, one per word
-- of the first three, and repeated a word when the query had fewer: a one-word query asked three
-- times for the same keys, a two-word query twice for the second, a query with an OR three times
-- for all its words. GIN then checks every scan key on every item of the posting lists it merges:
-- on the quick benchmark dataset with 30,000 of today's messages, the probe of today's messages for
-- "order" (16,601 matches) built its bitmap in 3.5 ms with the word thrice and 1.9 ms with it once.
-- Each probe now comes in three forms, one, two and three words, chosen by the query's number of
-- distinct words (all three written out: a statement chosen at run time would need EXECUTE, which
-- plans it on every call).
--
-- The words' test on each row the probe yields, `search @@ query`, is now written
-- `ts_match_vq(search, query)`, the function behind `@@`, which no index can answer. The probes'
-- plans are generic (planned once, whatever the words), and with fewer `&&` conditions the planner
-- took the plain GIN index for `@@` as well and ANDed the two bitmaps, reading every match of the
-- word in all history: 5.8 ms a search instead of 2.1 in the function alone. The test is the same;
-- only the index cannot take it.
--
-- Measured on that dataset, 300 searches drawn as the benchmark draws them, the two functions
-- alternated three times on one connection: 2.03-2.13 -> 1.87 ms of database CPU a call of the
-- function, the same candidates (docs/performance-history.md, 2026-12-12).

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
  -- How many distinct words a probe ANDs: 1 to 3.
  ands int;
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
    -- One && of all the words: a row with any of them on those days.
    w1 := words; ands := 1;
  else
    w1 := array[words[1]];
    w2 := array[words[least(2, cardinality(words))]];
    w3 := array[words[least(3, cardinality(words))]];
    ands := least(cardinality(words), 3);
  end if;

  -- Subjects, then message bodies: the two loops are the same but for their table, written out
  -- because one loop over both would need EXECUTE, whose statements are planned on every call.
  -- In each, the probe's three forms differ only in how many && they AND (above).
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
      if ands = 1 then
        return query
          select s.case_id, null::uuid, (ts_rank_cd(s.search, p_query, 1) * 2)::real, s.created_at from case_search s
          where search_day_terms(s.created_at, s.search) && search_day_keys(w1, lo, hi)
            and s.workspace_id = p_workspace and ts_match_vq(s.search, p_query)
          limit p_keep - got;
      elsif ands = 2 then
        return query
          select s.case_id, null::uuid, (ts_rank_cd(s.search, p_query, 1) * 2)::real, s.created_at from case_search s
          where search_day_terms(s.created_at, s.search) && search_day_keys(w1, lo, hi)
            and search_day_terms(s.created_at, s.search) && search_day_keys(w2, lo, hi)
            and s.workspace_id = p_workspace and ts_match_vq(s.search, p_query)
          limit p_keep - got;
      else
        return query
          select s.case_id, null::uuid, (ts_rank_cd(s.search, p_query, 1) * 2)::real, s.created_at from case_search s
          where search_day_terms(s.created_at, s.search) && search_day_keys(w1, lo, hi)
            and search_day_terms(s.created_at, s.search) && search_day_keys(w2, lo, hi)
            and search_day_terms(s.created_at, s.search) && search_day_keys(w3, lo, hi)
            and s.workspace_id = p_workspace and ts_match_vq(s.search, p_query)
          limit p_keep - got;
      end if;
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
      if ands = 1 then
        return query
          select m.case_id, m.id, ts_rank_cd(m.search, p_query, 1), m.created_at from messages m
          where search_day_terms(m.created_at, m.search) && search_day_keys(w1, lo, hi)
            and m.workspace_id = p_workspace and ts_match_vq(m.search, p_query)
          limit p_keep - got;
      elsif ands = 2 then
        return query
          select m.case_id, m.id, ts_rank_cd(m.search, p_query, 1), m.created_at from messages m
          where search_day_terms(m.created_at, m.search) && search_day_keys(w1, lo, hi)
            and search_day_terms(m.created_at, m.search) && search_day_keys(w2, lo, hi)
            and m.workspace_id = p_workspace and ts_match_vq(m.search, p_query)
          limit p_keep - got;
      else
        return query
          select m.case_id, m.id, ts_rank_cd(m.search, p_query, 1), m.created_at from messages m
          where search_day_terms(m.created_at, m.search) && search_day_keys(w1, lo, hi)
            and search_day_terms(m.created_at, m.search) && search_day_keys(w2, lo, hi)
            and search_day_terms(m.created_at, m.search) && search_day_keys(w3, lo, hi)
            and m.workspace_id = p_workspace and ts_match_vq(m.search, p_query)
          limit p_keep - got;
      end if;
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