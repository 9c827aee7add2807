-- record_events enqueues a transaction's subscriber jobs with one graphile_worker.add_jobs call
-- instead of one add_job call per job: each call was a plpgsql function that upserted the task,
-- inserted the job and sent its own NOTIFY, so a new case (four jobs) paid four times
-- (docs/performance.md, 2026-11-23).
create or replace function record_events(
  ws uuid, items jsonb, at timestamptz, channel text, notes text[], jobs jsonb
) returns void language plpgsql as $$
declare
  k text := 'events.seal:' || ws::text;
begin
  insert into events (workspace_id, type, case_id, actor_kind, actor_id, data, created_at)
  select ws, i->>'type', (i->>'case_id')::uuid, (i->>'actor_kind')::party_kind, (i->>'actor_id')::uuid,
    coalesce(i->'data', '{}'), at
  from jsonb_array_elements(items) with ordinality as t(i, n)
  order by n;
  perform pg_notify(channel, p) from unnest(notes) with ordinality as t(p, n) order by n;
  if jsonb_array_length(coalesce(jobs, '[]')) > 0 then
    perform graphile_worker.add_jobs(array(
      select row(j->>'task', (j->'payload')::json, null, null, null, null, null, null)::graphile_worker.job_spec
      from jsonb_array_elements(jobs) with ordinality as t(j, n)
      order by n
    ));
  end if;
  if not exists (
    select 1 from graphile_worker.jobs where key = k and attempts < max_attempts
  ) then
    perform graphile_worker.add_job('events.seal', json_build_object('workspace_id', ws), job_key := k);
  end if;
end;
$$;
