-- A short document's headline is the whole document, as written (features/cases/search.queries.ts,
-- docs/decisions.md 2026-12-04).
--
-- ts_headline with MaxFragments (the search's options ask for 2) builds its fragments from the
-- covers of the query and drops words of a short document that no fragment reaches: "Refund for
-- returned sleeping bag" came out as "Refund for returned sleeping", "I was charged twice on
-- invoice INV-55501." as "charged twice on invoice", without the number an agent looks for. A
-- document of at most 30 words (fewer than 30 spaces) is now headlined in ts_headline's other
-- mode, with the limits set to show it all: no fragments, at least 59 words (a reference such as
-- TH-20007 counts as two), and no short word dropped at the edges. Later options override
-- earlier ones, so the caller's marks stay. It costs a few µs a row more (bench bodies, 20,000
-- rows, five rounds: 28.5-32 µs before, 30-35.5 after); the spaces are counted with replace, as
-- a regular expression cost 10-15 µs a row. Longer documents are headlined as before: fragments
-- of a short one up to 320 bytes, a window of a long one (20261128T0200_search_headline), whose
-- body this is otherwise.
create or replace function search_headline(doc text, q tsquery, options text) returns text
language plpgsql stable parallel safe as $fn$
declare
  window_chars constant int := 320;
  lead_chars constant int := 120;
  whole_words constant int := 30;
  body text;
  word text;
  pattern text;
  hit int;
  first_hit int := 0;
  start int;
  part text;
  any_word text := '';
begin
  if octet_length(doc) <= window_chars then
    -- A document of a few words is shown whole and as written (the spaces count its words).
    if octet_length(doc) - octet_length(replace(doc, ' ', '')) < whole_words then
      return ts_headline('fairdesk', doc, q,
        options || ', MaxFragments=0, MaxWords=60, MinWords=59, ShortWord=0');
    end if;
    return ts_headline('fairdesk', doc, q, options);
  end if;
  body := doc || '';
  -- The query's words, negated ones left out (migration 20261125T0100_search_by_day).
  foreach word in array coalesce(search_query_words(q), '{}') loop
    -- Most words are written in lower case: strpos finds them at a fraction of a regular
    -- expression's cost (2 against 65 µs in 6,000 characters). A hit inside another word (order in
    -- border), or none, is asked again of a case-insensitive expression anchored at a word's start.
    hit := strpos(body, word);
    if hit = 0 and word like '%i' and length(word) > 3 then
      hit := strpos(body, left(word, -1));
    end if;
    if hit > 1 and substr(body, hit - 1, 1) ~ '[[:alnum:]]' then
      hit := 0;
    end if;
    if hit = 0 then
      -- Every character but letters and digits escaped: the pattern is literal whatever the word.
      pattern := '\m' || regexp_replace(word, '([^[:alnum:]])', '\\\1', 'g');
      hit := regexp_instr(body, pattern, 1, 1, 0, 'i');
      if hit = 0 and word like '%i' and length(word) > 3 then
        hit := regexp_instr(body, left(pattern, -1), 1, 1, 0, 'i');
      end if;
    end if;
    if hit > 0 and (first_hit = 0 or hit < first_hit) then
      first_hit := hit;
    end if;
    -- The word as a quoted lexeme of tsquery's text form, taken as it is (not stemmed again).
    any_word := any_word || case when any_word = '' then '' else ' | ' end
      || '''' || replace(replace(word, '\', '\\'), '''', '''''') || '''';
  end loop;
  start := greatest(1, first_hit - lead_chars);
  part := substr(body, start, window_chars);
  if length(part) = window_chars then
    part := regexp_replace(part, '\s+\S*$', '');
  end if;
  if start > 1 then
    part := regexp_replace(part, '^\S*\s+', '');
  end if;
  return ts_headline('fairdesk', part, case when any_word = '' then q else any_word::tsquery end, options);
end
$fn$;
