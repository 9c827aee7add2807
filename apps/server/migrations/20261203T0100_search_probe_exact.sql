-- A day probe does not test again a query its keys already answer (docs/decisions.md, 2026-12-13).
--
-- search_candidates (20261202T0200_search_probe_words) tests the whole query, ts_match_vq, on every
-- row a probe of the indexes by day yields: about 1 µs a row, of up to 200 a probe keeps. When the
-- query is all of its words and they are all in the probe (at most three words, none negated,
-- no OR, no phrase `<->`, no prefix or weight `:`, as the query's text shows them), every row the
-- probe's keys yield holds each word as a lexeme, and the test could only say yes: it is skipped.
-- Other queries are tested as before. The query's own text decides, not querytree's, which drops
-- negated words: a first version read querytree's and let `paddle -2` find the case it excludes
-- (search-bounds.test.ts).
--
-- Measured on a kept copy of the full benchmark profile's database as its searches find it (a
-- million cases, 82,601 messages written in the hour before), 600 searches drawn as the benchmark
-- draws them, alternated three times on one connection with the function before: 3.80-3.98 ->
-- 3.56-3.61 ms a search, the same hits. (2.92-3.12 -> 2.71-2.88 on top of message bodies' days
-- keyed in four parts, which made search cheaper still but replies dearer at a million cases, and
-- did not land: docs/decisions.md and docs/performance-history.md, 2026-12-13.)

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
  -- A query of at most three words, all required, none negated, in no phrase, with no prefix or
  -- weight: a row the probe's keys yield has them all, and the query's test on it would only
  -- say yes (this migration's header). The query's own text, as querytree drops negated words.
  exact boolean := p_query::text !~ '[|!<:]' and cardinality(words) <= 3;
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
            and s.workspace_id = p_workspace and (exact or ts_match_vq(s.search, p_query))
          limit p_keep - got;
      elsif ands = 2 then
        return query
          select s.case_id, null::uuid, (ts_rank_cd(s.search, p_query, 1) * 2)::real, s.created_at from case_search s
          where search_day_terms(s.created_at, s.search) && search_day_keys(w1, lo, hi)
            and search_day_terms(s.created_at, s.search) && search_day_keys(w2, lo, hi)
            and s.workspace_id = p_workspace and (exact or ts_match_vq(s.search, p_query))
          limit p_keep - got;
      else
        return query
          select s.case_id, null::uuid, (ts_rank_cd(s.search, p_query, 1) * 2)::real, s.created_at from case_search s
          where search_day_terms(s.created_at, s.search) && search_day_keys(w1, lo, hi)
            and search_day_terms(s.created_at, s.search) && search_day_keys(w2, lo, hi)
            and search_day_terms(s.created_at, s.search) && search_day_keys(w3, lo, hi)
            and s.workspace_id = p_workspace and (exact or ts_match_vq(s.search, p_query))
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
            and m.workspace_id = p_workspace and (exact or ts_match_vq(m.search, p_query))
          limit p_keep - got;
      elsif ands = 2 then
        return query
          select m.case_id, m.id, ts_rank_cd(m.search, p_query, 1), m.created_at from messages m
          where search_day_terms(m.created_at, m.search) && search_day_keys(w1, lo, hi)
            and search_day_terms(m.created_at, m.search) && search_day_keys(w2, lo, hi)
            and m.workspace_id = p_workspace and (exact or ts_match_vq(m.search, p_query))
          limit p_keep - got;
      else
        return query
          select m.case_id, m.id, ts_rank_cd(m.search, p_query, 1), m.created_at from messages m
          where search_day_terms(m.created_at, m.search) && search_day_keys(w1, lo, hi)
            and search_day_terms(m.created_at, m.search) && search_day_keys(w2, lo, hi)
            and search_day_terms(m.created_at, m.search) && search_day_keys(w3, lo, hi)
            and m.workspace_id = p_workspace and (exact or ts_match_vq(m.search, p_query))
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