-- cases_search_walk_idx (20261123T1200) has the same key as cases_updated_idx, (workspace_id,
-- updated_at desc, id desc), and carries the subject's tsvector besides: it serves every walk the
-- older index did. Every new case and every change of a case (a reply moves updated_at, so no
-- update of a case is HOT) wrote an entry into both.
drop index if exists cases_updated_idx;
