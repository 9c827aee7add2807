-- record_events returns the ids of the events it inserted, in the order given, so that a writer
-- can answer with the timeline it just wrote instead of reading it back (a new case's answer,
-- case-write.queries.ts). Nothing else changes: callers that ignore the value keep working.
drop function record_events(uuid, jsonb, timestamptz, text[], jsonb);

create function record_events(ws uuid, items jsonb, at timestamptz, notes text[], jobs jsonb)
returns bigint[] language plpgsql as $$
declare
  ids bigint[];
begin
  with inserted as (
    insert into events (workspace_id, type, case_id, actor_kind, actor_id, data, created_at)
    select ws, i->>'type', (i->>'case_id')::uuid, (i->>'actor_kind')::party_kind, (i->>'actor_id')::uuid,
      coalesce(i->'data', '{}'), at
    from jsonb_array_elements(items) with ordinality as t(i, n)
    order by n
    returning id
  )
  -- Ids are taken in the insert's order (order by n), so sorting them gives the items' order.
  select array_agg(id order by id) into ids from inserted;
  insert into event_outbox (notes, jobs, seal_workspace_id)
  values (coalesce(notes, '{}'), coalesce(jobs, '[]'), ws);
  return coalesce(ids, '{}');
end;
$$;
