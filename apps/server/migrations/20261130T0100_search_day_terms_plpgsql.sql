-- search_day_terms, the key function of the day-keyed search indexes (20261125T0100_search_by_day),
-- in PL/pgSQL with the same body and the same answers, so the indexes stay valid as they are
-- (docs/decisions.md 2026-12-07).
--
-- Every statement that inserts or updates a case or a message prepares the index expressions of
-- its table, and PostgreSQL then tries to inline each SQL-language function in them: it parses and
-- analyses the body and gives up (the body selects from a subquery, and array_to_string is only
-- stable). A perf profile of the backends under `add_reply` load had 7% of their CPU in that
-- attempt, and 2% more in running the SQL function's own executor for each row. PostgreSQL never
-- tries to inline a PL/pgSQL function, and evaluates a body of one expression without an
-- executor. Single-row inserts into messages, rolled back, on the quick dataset: 340-373 -> 287-293
-- µs each (three rounds).
create or replace function search_day_terms(at timestamptz, doc tsvector) returns text[]
language plpgsql immutable parallel safe
as $$
declare
  -- The UTC day, counted from 1970 (search_day's, written out: an index expression's functions run
  -- with only pg_catalog on the search path).
  d constant text := ((at at time zone 'UTC')::date - date '1970-01-01')::text;
begin
  -- A lexeme never holds the \x1e separator. Null for an empty document.
  return string_to_array(
    d || ' ' || nullif(array_to_string(tsvector_to_array(doc), E'\x1e' || d || ' '), ''), E'\x1e');
end
$$;
