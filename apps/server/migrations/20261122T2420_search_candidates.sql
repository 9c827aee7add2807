-- Search ranks only the newest matches of each source (features/cases/search.queries.ts): for a common word
-- PostgreSQL walks this index backwards and stops after enough matches instead of ranking them all.
create index messages_workspace_created_idx on messages (workspace_id, created_at, id);
