import type { Task } from 'graphile-worker';
import type { Deps } from '../../deps.ts';
import { rescheduleSweep } from './drain.queries.ts';
import { drainAfterCaseChange, drainTeam, sweepWaiting } from './drain.service.ts';
import { routeCase } from './routing.service.ts';

type Payload = { workspace_id?: unknown; case_id?: unknown; event?: unknown; data?: { changes?: unknown } };
type Changes = Record<string, [unknown, unknown] | undefined>;

const changesOf = (p: Payload): Changes =>
  typeof p.data?.changes === 'object' && p.data.changes !== null ? (p.data.changes as Changes) : {};

/** A new case, or a case moved to another team, is routed; routing's own assignment is not. */
const wantsRouting = (p: Payload) => p.event === 'case.created' || 'team_id' in changesOf(p);

/**
 * Whether the update frees an agent's room: the case left them, or was solved or closed. Returns
 * the agent it left (null: its current assignee, for a status change), or undefined if it frees none.
 */
function freedFrom(p: Payload): string | null | undefined {
  const changes = changesOf(p);
  const before = changes.assignee_id?.[0];
  if (typeof before === 'string') return before;
  const status = changes.status?.[1];
  if (status === 'solved' || status === 'closed') return null;
  return undefined;
}

/** `routing.assign`: subscribed to case.created and case.updated. Idempotent. */
export const routingAssignJob =
  (deps: Deps): Task =>
  async (payload) => {
    const p = (payload ?? {}) as Payload;
    if (typeof p.workspace_id !== 'string' || typeof p.case_id !== 'string') return;
    if (wantsRouting(p)) await routeCase(deps, p.workspace_id, p.case_id);
    const freed = p.event === 'case.updated' ? freedFrom(p) : undefined;
    if (freed !== undefined) await drainAfterCaseChange(deps, p.workspace_id, p.case_id, freed);
  };

/** `routing.drain`: queued per team (job_key) when an agent comes online or room frees up. */
export const routingDrainJob =
  (deps: Deps): Task =>
  async (payload) => {
    const p = (payload ?? {}) as { workspace_id?: unknown; team_id?: unknown };
    if (typeof p.workspace_id === 'string' && typeof p.team_id === 'string')
      await drainTeam(deps, p.workspace_id, p.team_id);
  };

/** Minutes between sweeps: a shift that starts is noticed within this. */
export const ROUTING_SWEEP_EVERY_MINUTES = 1;

/** `routing.sweep`: queues drains for teams with waiting cases; it schedules its own next run. */
export const routingSweepJob =
  (deps: Deps): Task =>
  async () => {
    await sweepWaiting(deps);
    await rescheduleSweep(deps.db, ROUTING_SWEEP_EVERY_MINUTES);
  };
