import type { Deps } from '../../deps.ts';
import type { Actor } from '../../infra/actor.ts';
import { presentCaseSummary } from './cases.present.ts';
import { headlineToHtml } from './cases.rules.ts';
import { searchCases as search } from './search.queries.ts';

/** Ranked hits a caller may see: customers only their own cases and never internal notes. */
export async function searchCases(deps: Deps, actor: Actor, text: string, limit: number) {
  const scope =
    actor.kind === 'customer'
      ? { workspaceId: actor.workspaceId, customerId: actor.customerId }
      : { workspaceId: actor.workspaceId };
  const hits = await search(deps.db, scope, text, limit);
  return {
    items: hits.map((h) => {
      const { can: _can, ...summary } = presentCaseSummary(h, actor.kind);
      return { case: summary, rank: h.rank, headline: headlineToHtml(h.headline), matched_in: h.matched_in };
    }),
  };
}
