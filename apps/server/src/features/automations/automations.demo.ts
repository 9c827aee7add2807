import type { Deps } from '../../deps.ts';
import type { StaffActor } from '../../infra/actor.ts';
import { createMacro } from '../macros/index.ts';
import * as q from './automations.queries.ts';
import { createAutomation } from './automations.service.ts';

export type DemoAutomations = { manager: StaffActor };

const REMINDER = `Hi {{customer.first_name}},

We are still waiting for your answer about “{{case.subject}}”. Whenever you are ready, just reply to this message and we will pick it up straight away.

If we do not hear from you within the next five days, we will close this case for now; a reply reopens it at any time.

Trailhead Outfitters customer care`;

/**
 * The examples: a case pending for 5 days gets a reminder (the shared "reminder" macro,
 * made here if the demo has none), after 10 days it is solved; and a new case about a refund is
 * raised to high priority and tagged.
 */
export async function seedDemoAutomations(deps: Deps, people: DemoAutomations) {
  const ws = people.manager.workspaceId;
  const macro =
    (await q.findSharedMacroNamed(deps.db, ws, 'remind')) ??
    (await createMacro(deps, people.manager, {
      name: 'Reminder — still waiting for you',
      kind: 'public',
      body: REMINDER,
      changes: {},
      scope: 'shared',
      active: true,
    }));
  const rules = [
    {
      name: 'Remind the customer after 5 days pending',
      trigger: 'schedule' as const,
      schedule: { status: 'pending' as const, after_hours: 120 },
      conditions: true,
      actions: [{ type: 'send_macro', macro_id: macro.id }],
      active: true,
    },
    {
      name: 'Solve after 10 days pending',
      trigger: 'schedule' as const,
      schedule: { status: 'pending' as const, after_hours: 240 },
      conditions: true,
      actions: [
        { type: 'set_status', status: 'solved' },
        { type: 'add_tags', tags: ['auto-solved'] },
      ],
      active: true,
    },
    {
      name: 'Refunds are high priority',
      trigger: 'case_created' as const,
      schedule: null,
      // Raises low and normal cases only: a rule that sets the priority would lower an urgent one.
      conditions: {
        and: [
          { or: [{ in: ['refund', { var: 'case.subject' }] }, { in: ['refund', { var: 'case.tags' }] }] },
          { in: [{ var: 'case.priority' }, ['low', 'normal']] },
        ],
      },
      actions: [
        { type: 'set_priority', priority: 'high' },
        { type: 'add_tags', tags: ['refund'] },
      ],
      active: true,
    },
  ];
  for (const r of rules) await createAutomation(deps, people.manager, r);
}
