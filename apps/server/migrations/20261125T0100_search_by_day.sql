-- Search's candidates by day (features/cases/search.queries.ts, docs/performance.md 2026-11-30).
--
-- The candidate step walked the newest 5,000 rows of each source testing every tsvector, and when
-- that window held less than a page of matches (most two-word queries) it asked the plain GIN
-- index for older ones; that index yields every match of every word before any is kept, which on a
-- million cases cost 5-18 ms per query for the message bodies alone. Here each row is indexed
-- under keys '<day> <lexeme>' (the UTC day it was created, counted from 1970), so a probe asks for
-- one word on a few days: the posting lists it reads are one day's, and the newest days are probed
-- first. Measured on the full benchmark dataset (1M cases, 3M messages), the database's CPU for a
-- two-word query's candidates fell from 12-17 ms to 3.7-4.8 (docs/decisions.md 2026-11-30).

-- The UTC day of a time, counted from 1970-01-01.
create function search_day(at timestamptz) returns int
language sql immutable parallel safe strict
as $$ select (at at time zone 'UTC')::date - date '1970-01-01' $$;

-- A row's keys; null for an empty document. Immutable: a UTC day does not depend on the session's
-- time zone. Built by joining the lexemes with the day between them and splitting again (a lexeme
-- never holds the \x1e separator): built-in array functions only, a third of the CPU of unnesting
-- the tsvector row by row (18 -> 6 µs a message), paid on every insert and on an index build.
-- The day is search_day's, written out: an index expression's functions run with only pg_catalog
-- on the search path.
create function search_day_terms(at timestamptz, doc tsvector) returns text[]
language sql immutable parallel safe
as $$
  select string_to_array(
    d || ' ' || nullif(array_to_string(tsvector_to_array(doc), E'\x1e' || d || ' '), ''), E'\x1e')
  from (select ((at at time zone 'UTC')::date - date '1970-01-01')::text as d) day
$$;

-- The keys of some words on the days lo..hi, to match a row's keys with &&.
create function search_day_keys(words text[], lo int, hi int) returns text[]
language sql immutable parallel safe strict
as $$
  select array(select d::text || ' ' || w from generate_series(lo, hi) d, unnest(words) w)
$$;

-- The lexemes an index can look for: those of querytree, which leaves out negated words ('T' when
-- nothing is left). Quotes inside a lexeme are doubled and backslashes escaped in its text form.
create function search_query_words(q tsquery) returns text[]
language sql immutable parallel safe strict
as $$
  select coalesce(array_agg(distinct replace(replace(m[1], '''''', ''''), '\\', '\')), '{}')
  from regexp_matches(querytree(q)::text, '''((?:[^'']|'''')*)''', 'g') m
$$;

-- Without a pending list (fastupdate off): every probe would read the whole list, up to 4 MB of new
-- entries, and a search makes up to 14 probes; right after a burst of writes searches took seconds.
create index messages_search_day_idx on messages using gin (search_day_terms(created_at, search))
  with (fastupdate = off);
create index cases_search_day_idx on cases using gin (search_day_terms(created_at, search))
  with (fastupdate = off);

-- The walk over the newest messages is gone with the function that used it; the one over cases
-- stays, the case lists by update time read it.
drop function search_candidates(uuid, tsquery, int, int, int, int);
drop index messages_search_walk_idx;

-- The candidates of a staff search in one workspace, with their rank: per source (subjects,
-- message bodies), the matches of the newest days, probed 1, 1, 2, 4, 8… days at a time back to
-- p_days (today's probe takes tomorrow too, for a clock that steps back), at most p_keep of them;
-- once p_enough are found no older day is probed. When the p_days hold fewer than p_enough, up to
-- p_older matches from before them come from the plain GIN index in whatever order the heap gives
-- them (bounded work: not necessarily the newest of them).
--
-- Each probe ANDs one && per word (the first three; more would narrow little), or ORs all the
-- words in one && when the query has an OR; the full query is tested on every row it yields. A
-- query with no word an index can look for (only negated words) tests the newest 5,000 subjects
-- instead.
-- The settings keep the plan's shape: the workspace's btree or a sequential scan are never the
-- cheap path here, but a rare key's estimate can make them look so. And each statement is planned
-- once, not for every call's words: a probe's plan is the same whatever they are, and planning it
-- anew cost more than running it (on the quick dataset, 4.2 -> 2.4 ms of CPU a search for an
-- order number, 7.2 -> 4.7 for two words).
create function search_candidates(
  p_workspace uuid, p_query tsquery, p_keep int, p_enough int, p_older int, p_days int)
returns table (case_id uuid, message_id uuid, rank real)
language plpgsql stable
set enable_seqscan = off
set enable_indexscan = off
set plan_cache_mode = force_generic_plan
as $$
declare
  tree text := querytree(p_query)::text;
  words text[] := search_query_words(p_query);
  today int := search_day(now());
  w1 text[]; w2 text[]; w3 text[];
  hi int; lo int; span int; got int; n int; horizon timestamptz;
begin
  if tree = 'T' then
    return query
      select w.id, null::uuid, (ts_rank_cd(w.search, p_query) * 2)::real from (
        select c.id, c.search from cases c
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
  got := 0; hi := today + 1; lo := today; span := 1;
  loop
    return query
      select c.id, null::uuid, (ts_rank_cd(c.search, p_query) * 2)::real from cases c
      where search_day_terms(c.created_at, c.search) && search_day_keys(w1, lo, hi)
        and search_day_terms(c.created_at, c.search) && search_day_keys(w2, lo, hi)
        and search_day_terms(c.created_at, c.search) && search_day_keys(w3, lo, hi)
        and c.workspace_id = p_workspace and c.search @@ p_query
      limit p_keep - got;
    get diagnostics n = row_count;
    got := got + n;
    exit when got >= p_enough or got >= p_keep or today - lo >= p_days - 1;
    hi := lo - 1; lo := greatest(hi - span + 1, today - p_days + 1); span := span * 2;
  end loop;
  if got < p_enough then
    horizon := to_timestamp(lo::float8 * 86400);
    return query
      select c.id, null::uuid, (ts_rank_cd(c.search, p_query) * 2)::real from cases c
      where c.workspace_id = p_workspace and c.search @@ p_query and c.created_at < horizon
      limit p_older;
  end if;

  -- Message bodies.
  got := 0; hi := today + 1; lo := today; span := 1;
  loop
    return query
      select m.case_id, m.id, ts_rank_cd(m.search, p_query) from messages m
      where search_day_terms(m.created_at, m.search) && search_day_keys(w1, lo, hi)
        and search_day_terms(m.created_at, m.search) && search_day_keys(w2, lo, hi)
        and search_day_terms(m.created_at, m.search) && search_day_keys(w3, lo, hi)
        and m.workspace_id = p_workspace and m.search @@ p_query
      limit p_keep - got;
    get diagnostics n = row_count;
    got := got + n;
    exit when got >= p_enough or got >= p_keep or today - lo >= p_days - 1;
    hi := lo - 1; lo := greatest(hi - span + 1, today - p_days + 1); span := span * 2;
  end loop;
  if got < p_enough then
    horizon := to_timestamp(lo::float8 * 86400);
    return query
      select m.case_id, m.id, ts_rank_cd(m.search, p_query) from messages m
      where m.workspace_id = p_workspace and m.search @@ p_query and m.created_at < horizon
      limit p_older;
  end if;
end
$$;
