-- Search walks the newest messages in messages_search_walk_idx without reading the heap, but only
-- for pages the visibility map marks all-visible; a new page gets there when vacuum passes. By
-- default an insert-only table is vacuumed after 1,000 + 20% of its rows of inserts (600,000 at
-- 3M messages), so the newest rows, the ones every search walks, were read from the heap too:
-- ~1 µs a row, 10-20 ms a search after a busy hour (docs/performance.md, 2026-11-24). Vacuum after
-- every 10,000 new messages instead: it visits only the pages not yet all-visible, and also moves
-- the GIN index's pending list into the index.
alter table messages set (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0);
