import type { Deps } from '../../deps.ts';
import type { Actor } from '../../infra/actor.ts';
import { presentCaseSummary } from './cases.present.ts';
import * as q from './cases.queries.ts';
import { headlineToHtml } from './cases.rules.ts';
import { searchCases as search } from './search.queries.ts';

/** Ranked hits a caller may see: customers only their own cases and never internal notes. */
export async function searchCases(deps: Deps, actor: Actor, text: string, limit: number) {
  const scope =
    actor.kind === 'customer'
      ? { workspaceId: actor.workspaceId, customerId: actor.customerId }
      : { workspaceId: actor.workspaceId };
  const hits = await search(deps.db, scope, text, limit);
  const cases = await q.findCaseSummaries(
    deps.db,
    actor.workspaceId,
    hits.map((h) => h.case_id),
  );
  const byId = new Map(cases.map((c) => [c.id, c]));
  const items = [];
  for (const h of hits) {
    const row = byId.get(h.case_id);
    if (!row) continue;
    const { can: _can, ...summary } = presentCaseSummary(row, actor.kind);
    items.push({
      case: summary,
      rank: h.rank,
      headline: headlineToHtml(h.headline),
      matched_in: h.matched_in,
    });
  }
  return { items };
}
