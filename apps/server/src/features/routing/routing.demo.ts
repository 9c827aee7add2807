import type { ShiftSchedule, SkillRule } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import * as q from './routing.queries.ts';

const days = (list: number[], start: string, end: string) => list.map((day) => ({ day, start, end }));
const london = (weekly: ShiftSchedule['weekly']): ShiftSchedule => ({ time_zone: 'Europe/London', weekly });
const WEEKDAYS = [1, 2, 3, 4, 5];

/**
 * Who works when, and what they speak. Sam Carter (the demo sign-in) has no schedule, so the demo
 * routes to him whatever the hour; the others keep early, late, weekend and evening shifts.
 */
const PEOPLE: Record<string, { schedule?: ShiftSchedule; skills?: string[] }> = {
  'Tom Becker': { schedule: london(days(WEEKDAYS, '08:00', '18:00')) },
  'Lena Okafor': { schedule: london(days(WEEKDAYS, '08:00', '18:00')) },
  'Ana López': { schedule: london(days(WEEKDAYS, '08:00', '16:00')), skills: ['spanish'] },
  'Ben Wright': { schedule: london(days(WEEKDAYS, '12:00', '20:00')), skills: ['german'] },
  'Chloé Martin': { schedule: london(days([1, 2, 3, 4], '08:00', '18:00')), skills: ['spanish'] },
  'Dev Patel': { schedule: london(days([2, 3, 4, 5, 6], '10:00', '18:00')), skills: ['repairs'] },
  'Erin Walsh': {
    schedule: london([...days(WEEKDAYS, '16:00', '22:00'), ...days([0], '10:00', '16:00')]),
    skills: ['german'],
  },
};

/** Customers who write in Spanish or German reach colleagues who speak it. */
const SKILL_RULES: SkillRule[] = [
  { when: 'language', value: 'es', skill: 'spanish' },
  { when: 'language', value: 'de', skill: 'german' },
];

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
          skill_rules: SKILL_RULES,
          mode_set_at: now,
          updated_at: now,
        });
    }
    for (const s of await q.staffOf(trx, workspaceId)) {
      const person = PEOPLE[s.name] ?? {};
      await q.upsertAgentRouting(trx, {
        staff_id: s.id,
        workspace_id: workspaceId,
        availability: 'online',
        ...(person.schedule ? { schedule: person.schedule } : {}),
        ...(person.skills ? { skills: person.skills } : {}),
        updated_at: now,
      });
    }
  });
}
