-- The day indexes keep a pending list of 64 kB (docs/decisions.md, 2026-12-14).
--
-- A key of these indexes is a day and a word, so every key starts the day empty and its rows are
-- kept inline in its entry until about 1,300 of them no longer fit on a third of a page; only then
-- does it get a tree of its own. With no pending list (fastupdate off, 20261125T0100_search_by_day)
-- each new row rewrites the whole inline list of each of its words, into the page and into the
-- WAL: a message written into a day whose keys are mid-way cost the index 150-200 µs and 9-17 kB
-- of WAL, against about 60 µs and 1.2 kB once its words' keys have trees. A real desk's days
-- (8,000 messages at a million cases) keep most keys inline all day; the benchmark's writes pass
-- through it at the start of each run of new cases (28 kB of WAL a new case).
--
-- With a pending list, new rows' keys wait in a short list that is merged once it outgrows
-- 64 kB (about 140 messages), each key's inline list rewritten once per merge for all its new rows.
-- The bench's 82,175 messages of a day, replayed into a copy of the index one connection: 151 µs
-- and 9.3 kB of WAL a message without the list, 70 µs and 3.0 kB with it (256 kB: 57 µs, 1.7 kB).
-- Every probe reads the whole list, which is why the day indexes had none: with a list of 70
-- messages, the benchmark's 600 searches on a million cases cost 3.96-4.11 ms each against
-- 3.84-3.90 with it merged. The limit is the smallest PostgreSQL allows.
alter index messages_search_day_idx set (fastupdate = on, gin_pending_list_limit = 64);
alter index case_search_day_idx set (fastupdate = on, gin_pending_list_limit = 64);
