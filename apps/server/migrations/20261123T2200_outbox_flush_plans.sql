-- flush_event_outbox, planned once per connection and reading the outbox by its key.
--
-- 1. Its delete walks event_outbox_pkey, whatever the table looked like when a connection first
--    planned it. After a vacuum empties the outbox (the bench's seed, any quiet moment) a
--    connection's cached plan was a sequential scan and a sort; the outbox's heap then grows
--    between vacuums (every write inserts a row, the flush deletes it, and the space comes back
--    only at the next vacuum, a minute apart), and every flush read all of it: 1.3 ms a flush after
--    10 s of new cases, against 0.13 ms by the key (docs/performance.md, 2026-11-27). The function
--    plans with sequential scans off; every statement in it has an index to use (the outbox's key,
--    graphile-worker's unique job key) or reads only the batch in hand. The rows it locks are
--    deleted by their addresses (ctid), which needs no join at all.
-- 2. One statement takes the rows and computes everything the rest needs (the notes, the job
--    specs, the workspaces to seal), and the rest is plain calls and lookups by one key. The
--    statements that joined the batch in hand (an array) were planned afresh on every flush, since
--    a custom plan sees the array's length and a generic one does not: ~0.5 ms of planning a flush,
--    most of it for the events.seal check through graphile-worker's `jobs` view.
-- Behaviour is unchanged: the same rows in the same order, jobs then the seal then the notes.
create or replace function flush_event_outbox(channel text, max_rows int)
returns int language plpgsql
set enable_seqscan = off
as $$
declare
  taken_rows int;
  notes text[];
  specs graphile_worker.job_spec[];
  seal uuid[];
  ws uuid;
  note text;
begin
  -- Only for this transaction: a lost flush leaves its rows behind (its delete is lost with it).
  perform set_config('synchronous_commit', 'off', true);
  with taken as (
    -- The rows this flush locked, deleted by their addresses (a TID scan; nobody else can touch a
    -- row while we hold its lock). `id in (…)` was planned as a semi join against the whole table.
    delete from event_outbox
    where ctid = any(array(select ctid from event_outbox order by id limit max_rows for update skip locked))
    returning *
  )
  select
    (select count(*)::int from taken),
    (select coalesce(array_agg(t.p order by b.id, t.n), '{}')
      from taken b cross join lateral unnest(b.notes) with ordinality as t(p, n)),
    (select coalesce(array_agg(row(t.j->>'task', (t.j->'payload')::json, null, null, null, null, null, null)
        ::graphile_worker.job_spec order by b.id, t.n), '{}')
      from taken b cross join lateral jsonb_array_elements(b.jobs) with ordinality as t(j, n)),
    (select coalesce(array_agg(distinct b.seal_workspace_id), '{}')
      from taken b where b.seal_workspace_id is not null)
  into taken_rows, notes, specs, seal;
  if taken_rows = 0 then
    return 0;
  end if;

  if cardinality(specs) > 0 then
    perform graphile_worker.add_jobs(specs);
  end if;

  -- One events.seal job per workspace at a time: queued unless one is waiting or running.
  foreach ws in array seal loop
    if not exists (
      select 1 from graphile_worker.jobs j
      where j.key = 'events.seal:' || ws::text and j.attempts < j.max_attempts
    ) then
      perform graphile_worker.add_job('events.seal', json_build_object('workspace_id', ws),
        job_key := 'events.seal:' || ws::text);
    end if;
  end loop;

  foreach note in array notes loop
    perform pg_notify(channel, note);
  end loop;

  return taken_rows;
end;
$$;
