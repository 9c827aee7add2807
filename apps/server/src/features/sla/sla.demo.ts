import type { CaseStatus } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import { markKindsRead } from '../notifications/index.ts';
import { weekdays } from './business-hours.rules.ts';
import * as q from './sla.queries.ts';
import { fireSlaTimers, recomputeCaseSla } from './sla.service.ts';

const HOUR = 60;
/** The demo targets, in business hours. */
const DEMO_TARGETS = [
  { priority: 'urgent', first: 1, resolution: 8 },
  { priority: 'high', first: 4, resolution: 24 },
  { priority: 'normal', first: 8, resolution: 40 },
  { priority: 'low', first: 24, resolution: 80 },
] as const;

/**
 * Mon–Fri 08:00–18:00 Europe/London with England and Wales holidays; one policy per priority. The
 * benchmark seeds the same (bench/seed.ts), so that its worker recomputes as a real desk's does.
 */
export const demoSlaSetup = () => ({
  calendar: {
    team_id: null,
    name: 'Office hours',
    time_zone: 'Europe/London',
    weekly: weekdays('08:00', '18:00'),
    holiday_country: 'GB',
    holiday_region: 'ENG',
    closures: [],
  },
  /** One policy per priority, in order. */
  policies: DEMO_TARGETS.map((t, position) => ({
    priority: t.priority,
    policy: {
      name: `${t.priority[0]?.toUpperCase()}${t.priority.slice(1)} priority`,
      position,
      conditions: { '==': [{ var: 'priority' }, t.priority] },
      targets: {
        first_response: { minutes: t.first * HOUR, business: true },
        next_response: { minutes: t.first * HOUR, business: true },
        resolution: { minutes: t.resolution * HOUR, business: true },
      },
      pause_statuses: ['pending', 'on_hold'] as CaseStatus[],
      warn_before_minutes: 30,
      raise_priority_on_breach: false,
    },
  })),
});

export async function seedDemoSla(deps: Deps, workspaceId: string) {
  const { calendar, policies } = demoSlaSetup();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertCalendar(trx, { workspace_id: workspaceId, ...calendar });
    for (const { policy } of policies) await q.insertPolicy(trx, { workspace_id: workspaceId, ...policy });
  });
  for (const c of await q.caseIdsOf(deps.db, workspaceId)) await recomputeCaseSla(deps, workspaceId, c.id);
  // The demo stands for a desk that has been running for weeks. The breaches of its history are
  // recorded now (timeline, breached_at) and their notifications counted as seen, as they would
  // have been at the time: left to the worker's first sweep, they told every supervisor of some
  // thirty breaches at once, the first thing a new user saw.
  for (const c of await q.overdueCases(deps.db, deps.clock.now(), 1000, workspaceId)) {
    await fireSlaTimers(deps, workspaceId, c.case_id);
  }
  await markKindsRead(deps.db, workspaceId, ['sla_breached', 'sla_warning'], deps.clock.now());
}
