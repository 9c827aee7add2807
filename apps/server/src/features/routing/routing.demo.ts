import type { Deps } from '../../deps.ts';
import * as q from './routing.queries.ts';

/** Orders & Returns goes round robin, Gear Advice load balanced; the demo agents are online. */
export async function seedDemoRouting(deps: Deps, workspaceId: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    for (const team of await q.teamsOf(trx, workspaceId)) {
      const mode = /orders/i.test(team.name)
        ? 'round_robin'
        : /gear/i.test(team.name)
          ? 'load_balanced'
          : null;
      if (mode)
        await q.upsertTeamRouting(trx, {
          team_id: team.id,
          workspace_id: workspaceId,
          mode,
          default_capacity: 20,
          updated_at: now,
        });
    }
    for (const s of await q.staffOf(trx, workspaceId)) {
      await q.upsertAgentRouting(trx, {
        staff_id: s.id,
        workspace_id: workspaceId,
        availability: 'online',
        updated_at: now,
      });
    }
  });
}
