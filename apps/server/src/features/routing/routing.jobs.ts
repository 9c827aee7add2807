import type { Task } from 'graphile-worker';
import type { Deps } from '../../deps.ts';
import { routeCase } from './routing.service.ts';

type Payload = { workspace_id?: unknown; case_id?: unknown; event?: unknown; data?: { changes?: unknown } };

/** A new case, or a case moved to another team, is routed; routing's own assignment is not. */
const wantsRouting = (p: Payload) => {
  if (p.event === 'case.created') return true;
  const changes = p.data?.changes;
  return typeof changes === 'object' && changes !== null && 'team_id' in changes;
};

/** `routing.assign`: subscribed to case.created and case.updated. Idempotent. */
export const routingAssignJob =
  (deps: Deps): Task =>
  async (payload) => {
    const p = (payload ?? {}) as Payload;
    if (typeof p.workspace_id !== 'string' || typeof p.case_id !== 'string' || !wantsRouting(p)) return;
    await routeCase(deps, p.workspace_id, p.case_id);
  };
