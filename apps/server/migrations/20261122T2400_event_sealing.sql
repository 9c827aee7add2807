-- Events are written unchained and sealed into the hash chain after commit (docs/decisions.md,
-- 2026-11-22 "Event sealing"). A writer inserts its events with an identity id and no seq or hash,
-- locking nothing but its own new rows; seal_events() later takes the chain head briefly and gives
-- every committed unsealed event of a workspace its seq, prev_hash and hash, in id order.

alter table events add column id bigint generated always as identity;
alter table events drop constraint events_pkey;
alter table events add primary key (id);
alter table events
  alter column seq drop not null,
  alter column prev_hash drop not null,
  alter column hash drop not null;
alter table events add constraint events_workspace_seq_key unique (workspace_id, seq);
alter table events add constraint events_sealed_check
  check ((seq is null) = (hash is null) and (seq is null) = (prev_hash is null));
create index events_unsealed_idx on events (workspace_id, id) where seq is null;
-- The timeline reads a case's events in id (write) order, sealed or not.
drop index events_case_idx;
create index events_case_idx on events (case_id, id) where case_id is not null;

drop function append_events(uuid, jsonb, timestamptz);

-- Records a transaction's events in one round trip: inserts them unsealed (in array order), sends
-- the realtime NOTIFY payloads, enqueues the subscribed jobs ([{task, payload}]), and makes sure a
-- sealing job for the workspace is queued. The sealing job is enqueued only when none is queued or
-- running: graphile-worker's job_key upsert would lock the job row until commit, which would
-- serialise the workspace's writers again. A running sealer re-queues itself while it finds work.
create function record_events(
  ws uuid, items jsonb, at timestamptz, channel text, notes text[], jobs jsonb
) returns void language plpgsql as $$
declare
  j jsonb;
  k text := 'events.seal:' || ws::text;
begin
  insert into events (workspace_id, type, case_id, actor_kind, actor_id, data, created_at)
  select ws, i->>'type', (i->>'case_id')::uuid, (i->>'actor_kind')::party_kind, (i->>'actor_id')::uuid,
    coalesce(i->'data', '{}'), at
  from jsonb_array_elements(items) with ordinality as t(i, n)
  order by n;
  perform pg_notify(channel, p) from unnest(notes) with ordinality as t(p, n) order by n;
  for j in select * from jsonb_array_elements(coalesce(jobs, '[]')) loop
    perform graphile_worker.add_job(j->>'task', (j->'payload')::json);
  end loop;
  if not exists (
    select 1 from graphile_worker.jobs where key = k and attempts < max_attempts
  ) then
    perform graphile_worker.add_job('events.seal', json_build_object('workspace_id', ws), job_key := k);
  end if;
end;
$$;

-- Seals the workspace's committed unsealed events into its chain, in id order, and returns how
-- many. The chain head row is locked only for the length of this call's transaction.
create function seal_events(ws uuid) returns integer language plpgsql as $$
declare
  head event_chains;
  r record;
  h bytea;
  n integer := 0;
begin
  if not exists (select 1 from events where workspace_id = ws and seq is null) then
    return 0;
  end if;
  insert into event_chains (workspace_id) values (ws) on conflict (workspace_id) do nothing;
  select * into head from event_chains where workspace_id = ws for update;
  for r in
    select id, type, case_id, actor_kind, actor_id, data, created_at
    from events where workspace_id = ws and seq is null order by id
  loop
    head.last_seq := head.last_seq + 1;
    h := event_hash(head.last_hash, head.last_seq, r.type, r.case_id, r.actor_kind, r.actor_id, r.data,
      r.created_at);
    update events set seq = head.last_seq, prev_hash = head.last_hash, hash = h where id = r.id;
    head.last_hash := h;
    n := n + 1;
  end loop;
  update event_chains set last_seq = head.last_seq, last_hash = head.last_hash where workspace_id = ws;
  return n;
end;
$$;
