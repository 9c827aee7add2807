-- A subscriber's job may carry a priority (infra/emit.ts: the jobs that send a customer's mail run
-- before the other waiting jobs, CUSTOMER_MAIL_PRIORITY). flush_event_outbox passes it on to
-- graphile-worker's job spec (null, as before, is graphile-worker's default, 0). Nothing else
-- changes.
create or replace function flush_event_outbox(channel text, max_rows int, out taken int, out workspaces uuid[])
language plpgsql
set enable_seqscan = off
as $$
declare
  notes text[];
  specs graphile_worker.job_spec[];
  seal uuid[];
  ws uuid;
  note text;
begin
  -- Only for this transaction: a lost flush leaves its rows behind (its delete is lost with it).
  perform set_config('synchronous_commit', 'off', true);
  with took as (
    -- The rows this flush locked, deleted by their addresses (a TID scan; nobody else can touch a
    -- row while we hold its lock). `id in (…)` was planned as a semi join against the whole table.
    delete from event_outbox
    where ctid = any(array(select ctid from event_outbox order by id limit max_rows for update skip locked))
    returning *
  )
  select
    (select count(*)::int from took),
    (select coalesce(array_agg(t.p order by b.id, t.n), '{}')
      from took b cross join lateral unnest(b.notes) with ordinality as t(p, n)),
    (select coalesce(array_agg(row(t.j->>'task', (t.j->'payload')::json, null, null, null, null, (t.j->>'priority')::int, null)
        ::graphile_worker.job_spec order by b.id, t.n), '{}')
      from took b cross join lateral jsonb_array_elements(b.jobs) with ordinality as t(j, n)),
    (select coalesce(array_agg(distinct b.seal_workspace_id), '{}')
      from took b where b.seal_workspace_id is not null)
  into taken, notes, specs, seal;
  workspaces := seal;
  if taken = 0 then
    return;
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

end;
$$;
