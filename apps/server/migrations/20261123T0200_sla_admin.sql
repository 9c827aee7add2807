-- Queues sorted by "due soonest" walk running targets in (workspace, due, case) order; with the
-- case id in the index, ties on the due time need no sort and the keyset (due, id) is one range.
-- It serves everything the narrower index did, so that one goes.
create index case_sla_workspace_due_case on case_sla (workspace_id, due_at, case_id)
  where state in ('on_track', 'at_risk', 'breached');
drop index case_sla_workspace_due;
