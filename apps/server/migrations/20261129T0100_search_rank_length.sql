-- A search's ranks are normalised by the length of the matching document, and equal ranks are
-- ordered newest first (features/cases/search.queries.ts, docs/decisions.md 2026-12-04).
--
-- ts_rank_cd with normalisation 0 adds up the covers of the query in a document, so for one word
-- it counts the word's occurrences: an email of 5,000 characters that names "refund" eight times
-- outranked the subject "Refund not received". On the benchmark's dataset, where one body in fifty
-- is long, long emails were 14 of the first 20 hits for "refund" and 18 of 20 for "invoice", though
-- they are 2% of the messages. Normalisation 1 divides the rank by 1 + the logarithm of the
-- document's length (in words): a document of 500 words weighs its covers about a third as much
-- as one of five, so a long email still leads when it names the words far more often than any
-- short one (10 of the first 20 for "refund", 9 for "invoice"), and a subject that names them
-- leads otherwise. Normalisation 2 (divide by the length) was tried and is too strong: subjects
-- then filled the first page for every query, and no message was shown.
--
-- Each candidate now also carries its time (the case's or the message's creation; for a query of
-- negated words only, which walks the newest cases' index, the case's last change), so that hits
-- of equal rank come newest first. They came in the order of their case ids, which is the oldest
-- first for time-ordered ids and no order for older ones. The function's columns change, so it
-- is dropped and created again; its body is otherwise that of 20261126T0100_search_identifiers.
drop function search_candidates(uuid, tsquery, int, int, int, int);

-- The candidates of a staff search in one workspace, with their rank and time: per source (subjects,
-- message bodies), the matches of the newest days, probed 1, 1, 2, 4, then 8 days at a time back to
-- p_days (today's probe takes tomorrow too, for a clock that steps back), at most p_keep of them;
-- once p_enough are found no older day is probed. When the p_days hold fewer than p_enough, up to
-- p_older matches from before them come from the plain GIN index in whatever order the heap gives
-- them (bounded work: not necessarily the newest of them).
--
-- Each probe ANDs one && per word (the first three; more would narrow little), or ORs all the
-- words in one && when the query has an OR; the full query is tested on every row it yields. A
-- query with no word an index can look for (only negated words) tests the newest 5,000 subjects
-- instead. A query that ANDs a word naming one thing (five characters or more with a digit or an @:
-- an order number, an address) takes each source's matches from the plain GIN index when they are
-- at most p_older, all of them, and probes no day.
-- The settings keep the plan's shape: the workspace's btree or a sequential scan are never the
-- cheap path here, but a rare key's estimate can make them look so. And each statement is planned
-- once, not for every call's words: a probe's plan is the same whatever they are, and planning it
-- anew cost more than running it (on the quick dataset, 4.2 -> 2.4 ms of CPU a search for an
-- order number, 7.2 -> 4.7 for two words).
create function search_candidates(
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
      -- Its time is the case's last change: the walk reads only its index (search_walk_visible).
      select w.id, null::uuid, (ts_rank_cd(w.search, p_query, 1) * 2)::real, w.updated_at from (
        select c.id, c.search, c.updated_at from cases c
        where c.workspace_id = p_workspace
        order by c.updated_at desc, c.id desc
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
    select array_agg(hit.id), array_agg(hit.r), array_agg(hit.at) into ids, ranks, ats from (
      select c.id, (ts_rank_cd(c.search, p_query, 1) * 2)::real as r, c.created_at as at from cases c
      where c.workspace_id = p_workspace and c.search @@ p_query
      limit p_older + 1) hit;
  end if;
  if named and coalesce(cardinality(ids), 0) <= p_older then
    return query select hit.id, null::uuid, hit.r, hit.at from unnest(ids, ranks, ats) hit(id, r, at);
  else
    got := 0; hi := today + 1; lo := today; span := 1;
    loop
      return query
        select c.id, null::uuid, (ts_rank_cd(c.search, p_query, 1) * 2)::real, c.created_at from cases c
        where search_day_terms(c.created_at, c.search) && search_day_keys(w1, lo, hi)
          and search_day_terms(c.created_at, c.search) && search_day_keys(w2, lo, hi)
          and search_day_terms(c.created_at, c.search) && search_day_keys(w3, lo, hi)
          and c.workspace_id = p_workspace and c.search @@ p_query
        limit p_keep - got;
      get diagnostics n = row_count;
      got := got + n;
      exit when got >= p_enough or got >= p_keep or today - lo >= p_days - 1;
      hi := lo - 1; lo := greatest(hi - span + 1, today - p_days + 1); span := least(span * 2, 8);
    end loop;
    if got < p_enough then
      horizon := to_timestamp(lo::float8 * 86400);
      return query
        select c.id, null::uuid, (ts_rank_cd(c.search, p_query, 1) * 2)::real, c.created_at from cases c
        where c.workspace_id = p_workspace and c.search @@ p_query and c.created_at < horizon
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
