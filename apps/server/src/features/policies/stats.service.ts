import type { StaffRole } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import type { StaffActor } from '../../infra/actor.ts';
import * as q from './stats.queries.ts';

/** Figures for the scorecard: refusals sent with an alternative, and authority used by role. */
export async function policyStats(deps: Deps, actor: StaffActor, range: { from?: string; to?: string }) {
  const r = {
    workspaceId: actor.workspaceId,
    from: range.from ? new Date(range.from) : null,
    to: range.to ? new Date(range.to) : null,
  };
  const [outcomes, refusals, exceptions] = await Promise.all([
    q.outcomeCounts(deps.db, r),
    q.refusalCommunications(deps.db, r),
    q.exceptionsByRole(deps.db, r),
  ]);
  const count = (o: string) => outcomes.find((x) => x.outcome === o)?.n ?? 0;
  const byRole = new Map<
    StaffRole,
    { role: StaffRole; count: number; value: { currency: string; amount: number }[] }
  >();
  for (const e of exceptions) {
    const role = e.decided_role!;
    const entry = byRole.get(role) ?? { role, count: 0, value: [] };
    entry.count += e.n;
    if (e.currency) entry.value.push({ currency: e.currency, amount: Number(e.amount) });
    byRole.set(role, entry);
  }
  return {
    from: r.from?.toISOString() ?? null,
    to: r.to?.toISOString() ?? null,
    decisions: {
      granted: count('granted'),
      refused: count('refused'),
      needs_authorisation: count('needs_authorisation'),
    },
    refusals: {
      communicated: refusals.communicated,
      communicated_with_alternative: refusals.with_alternative,
      share_with_alternative:
        refusals.communicated > 0 ? refusals.with_alternative / refusals.communicated : null,
    },
    exceptions_by_role: [...byRole.values()].sort((a, b) => a.role.localeCompare(b.role)),
  };
}
