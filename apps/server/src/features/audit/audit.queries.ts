import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';

/** Seals the workspace's committed, not yet chained events (SQL function `seal_events`). */
export async function sealEvents(db: Executor, workspaceId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select seal_events(${workspaceId}::uuid) as n`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Recomputes every sealed event's hash and its link to the previous one, inside PostgreSQL (the same
 * event_hash function that wrote them), and reports the first break.
 */
export async function verifyChain(db: Executor, workspaceId: string) {
  const { rows } = await sql<{ checked: number; last_seq: number | null; first_broken: number | null }>`
    with chain as (
      select seq,
        hash = event_hash(prev_hash, seq, type, case_id, actor_kind, actor_id, data, created_at) as hash_ok,
        prev_hash = coalesce(lag(hash) over (order by seq), '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea) as link_ok,
        seq = row_number() over (order by seq) as seq_ok
      from events where workspace_id = ${workspaceId} and seq is not null
    )
    select count(*)::int as checked, max(seq)::int as last_seq,
      min(seq) filter (where not (hash_ok and link_ok and seq_ok))::int as first_broken
    from chain`.execute(db);
  const head = await db
    .selectFrom('event_chains')
    .select(['last_seq', 'last_hash'])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return { ...rows[0]!, head };
}
