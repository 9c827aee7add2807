import type { Task } from 'graphile-worker';
import type { Deps } from '../../deps.ts';
import { recomputeOpenCases } from './recompute.service.ts';
import { rescheduleSweep } from './sla.queries.ts';
import { fireSlaTimers, type RaisePriority, recomputeCaseSla, sweepSla } from './sla.service.ts';

type CasePayload = { workspace_id?: unknown; case_id?: unknown };
const caseOf = (payload: unknown) => {
  const p = payload as CasePayload | null;
  return typeof p?.workspace_id === 'string' && typeof p.case_id === 'string'
    ? { workspaceId: p.workspace_id, caseId: p.case_id }
    : null;
};

/** `sla.recompute`: subscribed to case.created, case.updated and message.added. */
export const slaRecomputeJob =
  (deps: Deps): Task =>
  async (payload) => {
    const c = caseOf(payload);
    if (c) await recomputeCaseSla(deps, c.workspaceId, c.caseId);
  };

/** `sla.timer`: scheduled at a target's warning and due times (job_key per case and target). */
export const slaTimerJob =
  (deps: Deps, raise?: RaisePriority): Task =>
  async (payload) => {
    const c = caseOf(payload);
    if (c) await fireSlaTimers(deps, c.workspaceId, c.caseId, raise);
  };

/** Minutes between sweeps. */
export const SWEEP_EVERY_MINUTES = 5;

/** `sla.sweep`: the safety net after lost timers or a long stop; it schedules its own next run. */
export const slaSweepJob =
  (deps: Deps, raise?: RaisePriority): Task =>
  async () => {
    await sweepSla(deps, raise);
    await rescheduleSweep(deps.db, SWEEP_EVERY_MINUTES);
  };

/** `sla.recompute_open`: one batch of a pass over a workspace's open cases after a policy or calendar change. */
export const slaRecomputeOpenJob =
  (deps: Deps): Task =>
  async (payload) => {
    const p = payload as { workspace_id?: unknown; after?: unknown } | null;
    if (typeof p?.workspace_id !== 'string') return;
    await recomputeOpenCases(deps, p.workspace_id, typeof p.after === 'string' ? p.after : null);
  };
