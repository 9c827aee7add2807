-- The message bodies' index by day keys each day in four parts, and a search probes today's first
-- part before the rest (docs/decisions.md, 2026-12-14).
--
-- A probe of the index by day (20261125T0100_search_by_day) is a GIN bitmap scan: it yields every
-- match of the words on the days probed before any is kept, about 0.2 µs a match with the sort of
-- the bitmap's pages, however few the probe keeps (at most `keep`, 200, of which a page, 20, is
-- enough to stop). That bitmap is as large as the busiest day is busy. On the benchmark's million
-- cases, after its write scenarios (82,000 messages written today), a word picked from the
-- vocabulary had 2,000 to 49,000 matches today, and the probe of today's messages was 2.3 ms of a
-- search's 4.0 ms.
--
-- A message's keys are now `<day>:<part> <lexeme>`, its part the low two bits of its id's last byte
-- (random in UUIDv4 and v7 alike, so each part holds a quarter of any day's messages). The same
-- number of keys as before, one per lexeme; the index has four times as many entries, each with a
-- quarter of the rows.
--
-- search_candidates' probes of message bodies: today's (and tomorrow's, for clocks ahead) first
-- part; when that holds fewer than `enough`, their other three parts; then older days, all four
-- parts of each, widening as before. Which of a busy day's matches are kept was arbitrary before
-- too (the first `keep` in the table's physical order); now they come from a quarter of the day
-- when that quarter holds a page of them. Subjects keep their index by day: a day's cases are a
-- tenth of its messages, and their probes a fifth of a search's cost.
--
-- Tried once before without a pending list (2026-12-13) and reverted: every key's rows are kept
-- inline until about 1,300 of them, and each new row rewrote the whole inline list of each of its
-- words. Four times as many keys spent four times as long in that state on the benchmark's busy
-- day, and replies at a million cases cost the database a quarter more. With the pending list of
-- 20261204T0100_search_day_pending_lists, a key's inline list is rewritten once per merge for all
-- its new rows, and the index keeps that list.

-- A message's keys: its UTC day (search_day's, written out: an index expression's functions run
-- with only pg_catalog on the search path) and part, before each lexeme. Null for an empty document.
create function search_day_part_terms(at timestamptz, id uuid, doc tsvector) returns text[]
language plpgsql immutable parallel safe
as $$
declare
  d constant text := ((at at time zone 'UTC')::date - date '1970-01-01')::text
    || ':' || (get_byte(uuid_send(id), 15) & 3)::text;
begin
  -- A lexeme never holds the \x1e separator (search_day_terms, 20261130T0100).
  return string_to_array(
    d || ' ' || nullif(array_to_string(tsvector_to_array(doc), E'\x1e' || d || ' '), ''), E'\x1e');
end
$$;

-- The keys of these words on days lo..hi, parts first_part..last_part of each.
create function search_day_part_keys(words text[], lo int, hi int, first_part int, last_part int)
returns text[]
language sql immutable parallel safe strict
as $$
  select array(
    select d::text || ':' || p::text || ' ' || w
    from generate_series(lo, hi) d, generate_series(first_part, last_part) p, unnest(words) w)
$$;

create index messages_search_day_part_idx on messages
  using gin (search_day_part_terms(created_at, id, search)) with (fastupdate = on, gin_pending_list_limit = 64);
drop index messages_search_day_idx;

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
  -- say yes (20261203T0100_search_probe_exact). The query's own text, as querytree drops negated
  -- words.
  exact boolean := p_query::text !~ '[|!<:]' and cardinality(words) <= 3;
  -- How many distinct words a probe ANDs: 1 to 3.
  ands int;
  hi int; lo int; span int; p0 int; p1 int; got int; n int; horizon timestamptz;
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
  -- In each, the probe's three forms differ only in how many && they AND (above). Message bodies
  -- are probed by parts of days (this migration's header).
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
    -- Today's first part only, then today's other three, then whole days as the subjects' probes.
    got := 0; hi := today + 1; lo := today; span := 1; p0 := 0; p1 := 0;
    loop
      if ands = 1 then
        return query
          select m.case_id, m.id, ts_rank_cd(m.search, p_query, 1), m.created_at from messages m
          where search_day_part_terms(m.created_at, m.id, m.search) && search_day_part_keys(w1, lo, hi, p0, p1)
            and m.workspace_id = p_workspace and (exact or ts_match_vq(m.search, p_query))
          limit p_keep - got;
      elsif ands = 2 then
        return query
          select m.case_id, m.id, ts_rank_cd(m.search, p_query, 1), m.created_at from messages m
          where search_day_part_terms(m.created_at, m.id, m.search) && search_day_part_keys(w1, lo, hi, p0, p1)
            and search_day_part_terms(m.created_at, m.id, m.search) && search_day_part_keys(w2, lo, hi, p0, p1)
            and m.workspace_id = p_workspace and (exact or ts_match_vq(m.search, p_query))
          limit p_keep - got;
      else
        return query
          select m.case_id, m.id, ts_rank_cd(m.search, p_query, 1), m.created_at from messages m
          where search_day_part_terms(m.created_at, m.id, m.search) && search_day_part_keys(w1, lo, hi, p0, p1)
            and search_day_part_terms(m.created_at, m.id, m.search) && search_day_part_keys(w2, lo, hi, p0, p1)
            and search_day_part_terms(m.created_at, m.id, m.search) && search_day_part_keys(w3, lo, hi, p0, p1)
            and m.workspace_id = p_workspace and (exact or ts_match_vq(m.search, p_query))
          limit p_keep - got;
      end if;
      get diagnostics n = row_count;
      got := got + n;
      exit when got >= p_enough or got >= p_keep or (today - lo >= p_days - 1 and p1 = 3);
      if p1 < 3 then
        p0 := 1; p1 := 3;
      else
        hi := lo - 1; lo := greatest(hi - span + 1, today - p_days + 1); span := least(span * 2, 8); p0 := 0;
      end if;
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