-- Search's walk over the newest rows reads only its covering indexes, never the heap
-- (20261123T1200_search_walk), but only for rows on pages the visibility map marks all-visible.
-- The newest messages and the most recently updated cases are exactly the rows it walks, and with
-- PostgreSQL's default thresholds a table is vacuumed after 20% of its size in new or dead rows:
-- at a million cases, months of a real desk's traffic. Until then every walked row is fetched from
-- the heap: on a kept million-case dataset after a few minutes of writes, 5,000 heap fetches per
-- source, a search's database time 14.9 -> 5.9 ms (order numbers), 13.6 -> 5.6 (one word) and
-- 27.6 -> 19.3 (two words) once vacuumed (docs/decisions.md, 2026-11-28). Vacuum also merges the
-- GIN indexes' pending lists, which every search of the older matches otherwise scans in full.
--
-- So these two tables are vacuumed after 500 new or changed rows, whatever their size. A vacuum
-- skips the pages the visibility map already covers, so each run reads only what changed since the
-- last; autovacuum looks at a database about once a minute, so a busy desk's tables are vacuumed
-- that often and a quiet desk's every few hundred changes.

alter table messages set (
  autovacuum_vacuum_insert_scale_factor = 0,
  autovacuum_vacuum_insert_threshold = 500,
  autovacuum_vacuum_scale_factor = 0,
  autovacuum_vacuum_threshold = 500
);

alter table cases set (
  autovacuum_vacuum_insert_scale_factor = 0,
  autovacuum_vacuum_insert_threshold = 500,
  autovacuum_vacuum_scale_factor = 0,
  autovacuum_vacuum_threshold = 500
);
