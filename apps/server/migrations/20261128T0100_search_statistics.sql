-- The planner's statistics for cases and messages, gathered again (docs/decisions.md 2026-12-03).
--
-- Migration 20261127T0100_search_numbers changed the expression of both tables' generated
-- `search` columns. That rewrites the tables and drops the statistics of the changed column and of
-- the indexes rebuilt on it, and autovacuum's analyze waits for a tenth of a table's rows to change
-- (100,000 changes on a desk of a million cases). Until then PostgreSQL guessed the frequency of
-- every word a search gives it. ANALYZE reads a sample (30,000 rows a table), so it takes seconds
-- even on a large desk, and, unlike VACUUM, it runs inside the migration's transaction.
--
-- A migration that rewrites a table ends by analysing it. The visibility map, which a rewrite
-- empties too and which index-only scans rely on, needs VACUUM, which cannot run in a
-- transaction: the app vacuums after any migration run (infra/migrate.ts vacuumAfterMigrations).
analyze cases;
analyze messages;
