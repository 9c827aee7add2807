import type { Deps } from '../../deps.ts';
import type { StaffActor } from '../../infra/actor.ts';
import { sealEvents, verifyChain } from './audit.queries.ts';

export async function verifyAuditTrail(deps: Deps, actor: StaffActor) {
  // Events are chained after commit; seal what has committed so far, then check the whole chain.
  await sealEvents(deps.db, actor.workspaceId);
  const r = await verifyChain(deps.db, actor.workspaceId);
  const lastSeq = r.last_seq ?? 0;
  // Rows deleted from the end leave the chain head pointing past the last event.
  const headMatches = !r.head || r.head.last_seq === lastSeq;
  const firstBroken = r.first_broken ?? (headMatches ? null : lastSeq + 1);
  return {
    intact: firstBroken === null,
    events_checked: r.checked,
    last_seq: lastSeq,
    first_broken_seq: firstBroken,
    verified_at: deps.clock.now().toISOString(),
  };
}
