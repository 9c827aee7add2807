-- The plain full-text indexes keep a small pending list (docs/performance.md 2026-12-01).
--
-- GIN adds new entries to a pending list, merged into the index when it outgrows
-- gin_pending_list_limit (4 MB by default) or at vacuum, and every scan of the index reads all of
-- it. Search reads these indexes for a word that names one thing (an order number: migration
-- 20261126T0100_search_identifiers) and for the matches older than its days. On the full
-- benchmark dataset an order-number search cost 0.4 ms of database CPU with an empty list and
-- 3.8 ms with 5,000 new messages in it (275 pages); a list grows back to 4 MB between merges.
-- With 256 kB the list stays under about 32 pages. Writes cost the same: 5,000 messages inserted
-- and their entries merged cost 248-330 µs a message with 4 MB and 260-282 with 256 kB, against
-- 364-382 with no pending list at all (fastupdate off, as the day indexes). And the write that
-- happens to merge the list merges a sixteenth as much.
alter index messages_search_idx set (gin_pending_list_limit = 256);
alter index cases_search_idx set (gin_pending_list_limit = 256);
