-- A search headline reads a window of the document around its first match, not the whole
-- document (features/cases/search.queries.ts, docs/decisions.md 2026-12-03).
--
-- ts_headline parses its whole document again, at about 30 µs per 200 characters: 2 ms for an
-- email of 6,000 characters, 33 ms for one of 100,000 (a message body may hold 100,000). A page
-- of 20 hits among long emails spent more database CPU on its headlines than on the search. The
-- headline only shows about 30 words around a match, so a document longer than the window is cut
-- to 320 characters from 120 before the first place where a word of the query starts (strpos, or
-- a regular expression when the word is not found in lower case at a word's start: a fraction of
-- the parse's cost). A stemmed word is found by its stem, which starts
-- the written word (refund, refunded), or without its last letter when the stemmer turned a final
-- y into i (repli for reply). When no word of the query is found that way, the window is the
-- beginning of the document, as ts_headline shows when nothing matches. A word cut by the window's
-- edges is left out. The window is headlined with any of the query's words (an OR of them): the
-- words of a query all match the document, but not always within the window, and ts_headline marks
-- nothing in a text the query does not match. Shorter documents are headlined whole, as before.
--
-- The document is copied once (`doc || ''`): a parameter of a PL/pgSQL function stays a pointer to
-- the stored value, and every use of it would fetch and decompress the stored body again.
create function search_headline(doc text, q tsquery, options text) returns text
language plpgsql stable parallel safe as $fn$
declare
  window_chars constant int := 320;
  lead_chars constant int := 120;
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
