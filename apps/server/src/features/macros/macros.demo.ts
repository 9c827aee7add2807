import type { Deps } from '../../deps.ts';
import type { StaffActor } from '../../infra/actor.ts';
import { createMacro } from './macros.service.ts';

const SIGN_OFF = 'Best wishes,\n{{agent.first_name}}\n{{workspace.name}}';

/** The demo's macros, made through the service: four shared by a supervisor, one an agent's own. */
export async function seedDemoMacros(
  deps: Deps,
  people: { supervisor: StaffActor; agent: StaffActor },
  teams: { repairs: string | null },
) {
  const shared = [
    {
      name: 'Ask for order number',
      kind: 'public' as const,
      body: `Hi {{customer.first_name}},\n\nThanks for getting in touch about “{{case.subject}}”. So that I can look into it straight away, could you send me your order number? You will find it in your order confirmation email; it starts with TH-.\n\n${SIGN_OFF}`,
      changes: { status: 'pending' as const, add_tags: ['awaiting-order-number'] },
    },
    {
      name: 'Refund issued — solve',
      kind: 'public' as const,
      body: `Hi {{customer.first_name}},\n\nGood news: your refund was issued today. It goes back to the card you paid with and usually shows within 3–5 working days, depending on your bank.\n\nIf anything else comes up, just reply to this email and case #{{case.number}} will open again.\n\n${SIGN_OFF}`,
      changes: { status: 'solved' as const, add_tags: ['refund'], remove_tags: ['awaiting-order-number'] },
    },
    {
      name: 'Warranty — ask for photos',
      kind: 'public' as const,
      body: `Hi {{customer.first_name}},\n\nI am sorry your gear let you down. To check it under our warranty, could you reply with two or three photos of the damage and one of the product's label?\n\nAs soon as they are in, we will tell you whether we repair or replace it.\n\n${SIGN_OFF}`,
      changes: { status: 'pending' as const, add_tags: ['warranty'] },
    },
    {
      name: 'Escalate to repairs',
      kind: 'internal' as const,
      body: 'Escalating to Gear Advice & Repairs: {{customer.name}} ({{customer.email}}) needs a repair assessment; the details are in the conversation above. — {{agent.name}}',
      changes: {
        priority: 'high' as const,
        add_tags: ['repair'],
        assignee_id: null,
        ...(teams.repairs ? { team_id: teams.repairs } : {}),
      },
    },
  ];
  for (const m of shared) await createMacro(deps, people.supervisor, { ...m, scope: 'shared', active: true });
  await createMacro(deps, people.agent, {
    name: 'Take it — assign to me',
    kind: 'internal',
    body: '',
    changes: { assignee_id: 'me', status: 'open' },
    scope: 'personal',
    active: true,
  });
}
