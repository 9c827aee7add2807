-- Writers no longer NOTIFY. A transaction that notifies takes PostgreSQL's cluster-wide notify lock
-- at commit and holds it through the commit's WAL flush, so every notifying writer committed one at
-- a time (docs/performance.md: 27–56% of backends waiting on Lock:object). record_events now puts a
-- transaction's realtime notes and subscriber jobs into event_outbox, in the writer's transaction
-- (they commit or roll back with the write); right after the commit the app calls
-- flush_event_outbox, which moves them on (graphile_worker.add_jobs, which NOTIFYs 'jobs:insert',
-- and pg_notify) in a transaction of its own that commits asynchronously: it holds the notify lock
-- for no WAL flush. A flush lost in a crash loses its delete too, so its rows are still here and
-- the worker's sweep flushes them again.

create table event_outbox (
  id bigserial primary key,
  -- NOTIFY payloads for the realtime channel, in order.
  notes text[] not null default '{}',
  -- graphile-worker job specs: [{ task, payload }].
  jobs jsonb not null default '[]',
  -- The workspace whose new events the events.seal job must chain (null: none).
  seal_workspace_id uuid
) with (
  -- Every write inserts a row and the flush deletes it right after: vacuum it by count, not share.
  autovacuum_vacuum_scale_factor = 0,
  autovacuum_vacuum_threshold = 1000,
  autovacuum_vacuum_insert_scale_factor = 0,
  autovacuum_vacuum_insert_threshold = 1000
);

drop function record_events(uuid, jsonb, timestamptz, text, text[], jsonb);

create function record_events(ws uuid, items jsonb, at timestamptz, notes text[], jobs jsonb)
returns void language plpgsql as $$
begin
  insert into events (workspace_id, type, case_id, actor_kind, actor_id, data, created_at)
  select ws, i->>'type', (i->>'case_id')::uuid, (i->>'actor_kind')::party_kind, (i->>'actor_id')::uuid,
    coalesce(i->'data', '{}'), at
  from jsonb_array_elements(items) with ordinality as t(i, n)
  order by n;
  insert into event_outbox (notes, jobs, seal_workspace_id)
  values (coalesce(notes, '{}'), coalesce(jobs, '[]'), ws);
end;
$$;

-- Moves up to max_rows pending outbox rows on: their jobs to graphile-worker, their notes to the
-- channel, and an events.seal job for each workspace that has none queued. Rows another flush holds
-- are skipped, and a row is deleted in the same transaction that queues its jobs, so no job is
-- queued twice. Returns how many rows it took (a sweep repeats while it gets max_rows).
create function flush_event_outbox(channel text, max_rows int)
returns int language plpgsql as $$
declare
  batch event_outbox[];
  specs graphile_worker.job_spec[];
begin
  -- Only for this transaction: a lost flush leaves its rows behind (its delete is lost with it).
  perform set_config('synchronous_commit', 'off', true);
  with taken as (
    delete from event_outbox
    where id in (select id from event_outbox order by id limit max_rows for update skip locked)
    returning *
  )
  select array_agg(row(taken.id, taken.notes, taken.jobs, taken.seal_workspace_id)::event_outbox order by taken.id)
  into batch from taken;
  if batch is null then
    return 0;
  end if;

  specs := array(
    select row(j->>'task', (j->'payload')::json, null, null, null, null, null, null)::graphile_worker.job_spec
    from unnest(batch) with ordinality as b(id, notes, jobs, seal_workspace_id, k)
      cross join lateral jsonb_array_elements(b.jobs) with ordinality as t(j, n)
    order by b.k, t.n
  );
  if cardinality(specs) > 0 then
    perform graphile_worker.add_jobs(specs);
  end if;

  perform graphile_worker.add_job('events.seal', json_build_object('workspace_id', s.ws),
    job_key := 'events.seal:' || s.ws::text)
  from (select distinct b.seal_workspace_id as ws from unnest(batch) as b where b.seal_workspace_id is not null) s
  where not exists (
    select 1 from graphile_worker.jobs j
    where j.key = 'events.seal:' || s.ws::text and j.attempts < j.max_attempts
  );

  perform pg_notify(channel, p)
  from unnest(batch) with ordinality as b(id, notes, jobs, seal_workspace_id, k)
    cross join lateral unnest(b.notes) with ordinality as t(p, n)
  order by b.k, t.n;

  return cardinality(batch);
end;
$$;
