import type { CasePriority, CaseStatus, StaffRole } from '@fairdesk/contract';
import type { Deps } from '../deps.ts';
import { seedDemoAutomations } from '../features/automations/index.ts';
import { addMessage, openCase, updateCase } from '../features/cases/index.ts';
import { createCustomer, createOrganisation } from '../features/customers/index.ts';
import { seedDemoMailbox } from '../features/email/index.ts';
import { seedDemoMacros } from '../features/macros/index.ts';
import { seedDemoPolicies } from '../features/policies/index.ts';
import { seedDemoRouting } from '../features/routing/index.ts';
import { seedDemoSla } from '../features/sla/index.ts';
import { createStaff, createTeam } from '../features/staff/index.ts';
import { createWorkspace, markDemoWorkspace } from '../features/workspaces/index.ts';
import type { CustomerActor, StaffActor } from '../infra/actor.ts';
import { fixedClock } from '../infra/clock.ts';
import { hashPassword } from '../infra/passwords.ts';
import { customers, DEMO_PASSWORD, ORGANISATIONS, STAFF, STAFF_NOTES, STORIES, TEAMS } from './demo.data.ts';
import { DEMO_POLICY_SET } from './policies.data.ts';

export const DEMO_SIGN_INS = [
  { who: 'admin', email: 'admin@fairdesk.example' },
  { who: 'manager', email: 'manager@fairdesk.example' },
  { who: 'supervisor', email: 'supervisor@fairdesk.example' },
  { who: 'agent', email: 'agent@fairdesk.example' },
  { who: 'customer', email: 'customer@fairdesk.example (portal)' },
  { who: 'customer', email: 'other.customer@fairdesk.example (portal)' },
];

/** A small deterministic generator, so every fresh demo looks the same. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick };
}

const STATUS_PLAN: [CaseStatus, number][] = [
  ['new', 20],
  ['open', 50],
  ['pending', 30],
  ['on_hold', 15],
  ['solved', 50],
  ['closed', 35],
];
const PRIORITIES: CasePriority[] = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'];
const MINUTE = 60_000;

async function seedPeople(deps: Deps) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const system = { kind: 'system' as const, id: null };
  return deps.db.transaction().execute(async (trx) => {
    const ws = await createWorkspace(deps, trx, {
      name: 'Trailhead Outfitters',
      slug: 'trailhead',
      time_zone: 'Europe/London',
      languages: ['en', 'de', 'es'],
    });
    const staff: { id: string; role: StaffRole; team: number | null }[] = [];
    for (const s of STAFF) {
      const row = await createStaff(
        deps,
        trx,
        ws.id,
        { email: s.email, name: s.name, role: s.role, passwordHash },
        system,
      );
      staff.push({ id: row.id, role: s.role, team: s.team });
    }
    const teams = [];
    for (const [i, t] of TEAMS.entries()) {
      const member_ids = staff.filter((s) => s.team === i).map((s) => s.id);
      teams.push(await createTeam(deps, trx, ws.id, { ...t, member_ids }, system));
    }
    const orgs = [];
    for (const o of ORGANISATIONS) orgs.push(await createOrganisation(deps, trx, ws.id, o, system));
    const people = [];
    for (const c of customers()) {
      const row = await createCustomer(
        deps,
        trx,
        ws.id,
        {
          name: c.name,
          email: c.email,
          phone: c.phone,
          language: c.language,
          organisation_id: c.org === null ? null : orgs[c.org]!.id,
          passwordHash,
        },
        system,
      );
      people.push(row.id);
    }
    return { ws, staff, teams, people };
  });
}

/** Seeds Trailhead Outfitters through the same use cases the API runs, so events and timelines are real. */
export async function seedDemo(deps: Deps): Promise<{ id: string; slug: string }> {
  // People joined over the past year or so, not today.
  const joined = fixedClock(new Date(Date.now() - 400 * 24 * 60 * MINUTE));
  const { ws, staff, teams, people } = await seedPeople({ ...deps, clock: joined });
  const rnd = prng(42);
  const clock = fixedClock(new Date(Date.now() - 45 * 24 * 60 * MINUTE));
  const d: Deps = { ...deps, clock };
  const asStaff = (id: string, role: StaffRole): StaffActor => ({
    kind: 'staff',
    workspaceId: ws.id,
    staffId: id,
    role,
    sessionId: 'demo',
  });
  const asCustomer = (id: string): CustomerActor => ({
    kind: 'customer',
    workspaceId: ws.id,
    customerId: id,
    sessionId: 'demo',
  });
  const plan = STATUS_PLAN.flatMap(([s, n]) => Array.from({ length: n }, () => s)).sort(
    () => rnd.next() - 0.5,
  );
  const step = (45 * 24 * 60 * MINUTE) / plan.length;
  const start = clock.now().getTime();

  for (const [i, status] of plan.entries()) {
    // Older cases are more likely finished; the newest ones are still new or open. Cases still to
    // close need room for the 4 days before closing; everything stays in the past.
    const spread = status === 'closed' ? 0.85 : 1;
    const latest = Date.now() - 2 * 24 * 60 * MINUTE;
    const when =
      status === 'new' || status === 'open'
        ? start + (plan.length - 1 - (i % 40)) * step
        : Math.min(start + i * step * spread, latest);
    clock.set(new Date(when));
    const story = STORIES[i % STORIES.length]!;
    const customerId = i < 12 ? people[i % 2]! : rnd.pick(people);
    const teamIdx = story.team;
    const agents = staff.filter((s) => s.role === 'agent' && s.team === teamIdx);
    const agent = rnd.pick(agents);
    const agentActor = asStaff(agent.id, 'agent');
    const subject = story.subject.replace('{n}', String(20000 + i * 7));
    const viaPortal = rnd.next() < 0.4;
    const created = viaPortal
      ? await openCase(d, asCustomer(customerId), { subject, body: story.open })
      : await openCase(d, asStaff(agent.id, 'agent'), {
          subject,
          body: story.open,
          customer_id: customerId,
          channel: rnd.next() < 0.7 ? 'email' : 'phone',
          priority: rnd.pick(PRIORITIES),
          tags: story.tags,
          team_id: teams[teamIdx]!.id,
        });
    if (viaPortal) {
      await updateCase(d, agentActor, created.id, {
        priority: rnd.pick(PRIORITIES),
        tags: story.tags,
        team_id: teams[teamIdx]!.id,
      });
    }
    if (status === 'new') continue;
    const assign = status !== 'open' || rnd.next() < 0.8;
    if (assign) await updateCase(d, agentActor, created.id, { assignee_id: agent.id });
    clock.advance((20 + rnd.next() * 200) * MINUTE);
    if (rnd.next() < 0.35)
      await addMessage(d, agentActor, created.id, {
        body: rnd.pick(STAFF_NOTES),
        visibility: 'internal',
        attachment_ids: [],
      });
    await addMessage(d, agentActor, created.id, {
      body: story.reply,
      visibility: 'public',
      attachment_ids: [],
    });
    if (status === 'open') continue;
    clock.advance((60 + rnd.next() * 600) * MINUTE);
    if (status === 'pending' || status === 'on_hold') {
      await updateCase(d, agentActor, created.id, { status });
      continue;
    }
    await addMessage(d, asCustomer(customerId), created.id, {
      body: story.follow,
      visibility: 'public',
      attachment_ids: [],
    });
    clock.advance((30 + rnd.next() * 300) * MINUTE);
    await updateCase(d, agentActor, created.id, { status: 'solved' });
    if (status === 'closed') {
      clock.advance(4 * 24 * 60 * MINUTE);
      await updateCase(d, agentActor, created.id, { status: 'closed' });
    }
  }
  await seedDemoPolicies(deps, ws.id, DEMO_POLICY_SET);
  await seedDemoSla(deps, ws.id);
  await seedDemoMailbox(deps, ws.id, teams[0]?.id ?? null);
  await seedDemoRouting(deps, ws.id);
  const supervisor = staff.find((s) => s.role === 'supervisor')!;
  const firstAgent = staff.find((s) => s.role === 'agent')!;
  await seedDemoMacros(
    deps,
    { supervisor: asStaff(supervisor.id, 'supervisor'), agent: asStaff(firstAgent.id, 'agent') },
    { repairs: teams[1]?.id ?? null },
  );
  const manager = staff.find((s) => s.role === 'manager')!;
  await seedDemoAutomations(deps, { manager: asStaff(manager.id, 'manager') });
  await markDemoWorkspace(deps, ws.id);
  return { id: ws.id, slug: ws.slug };
}
