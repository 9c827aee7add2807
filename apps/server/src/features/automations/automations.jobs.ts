import type { Task } from 'graphile-worker';
import type { Deps } from '../../deps.ts';
import * as q from './automations.queries.ts';
import { sweepSchedules } from './schedule.service.ts';
import { runAutomationsForEvent } from './trigger.service.ts';
import type { EventPayload } from './triggers.rules.ts';

/** Seconds between schedule sweeps; a sweep that left due cases behind comes back sooner. */
export const SWEEP_EVERY_SECONDS = 300;
const SWEEP_AGAIN_SECONDS = 5;

const payloadOf = (payload: unknown): EventPayload | null => {
  const p = payload as Partial<EventPayload> | null;
  if (typeof p?.workspace_id !== 'string' || typeof p.case_id !== 'string' || typeof p.event !== 'string')
    return null;
  const data = p.data && typeof p.data === 'object' ? p.data : {};
  return { workspace_id: p.workspace_id, case_id: p.case_id, event: p.event, data };
};

/**
 * `automation.run`: subscribed to case.created, case.updated, message.added, sla.warning and
 * sla.breached. Idempotent: each rule runs at most once per case and event.
 */
export const automationRunJob =
  (deps: Deps): Task =>
  async (payload) => {
    const p = payloadOf(payload);
    if (p) await runAutomationsForEvent(deps, p);
  };

/** `automation.sweep`: runs schedule rules for the cases now due, then schedules its next run. */
export const automationSweepJob =
  (deps: Deps): Task =>
  async () => {
    const { more } = await sweepSchedules(deps);
    await q.rescheduleSweep(deps.db, more ? SWEEP_AGAIN_SECONDS : SWEEP_EVERY_SECONDS);
  };
