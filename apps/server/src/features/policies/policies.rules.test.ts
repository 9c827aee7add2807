import type { StaffRole } from '@fairdesk/contract';
import { describe, expect, it } from 'vitest';
import { byName, DEMO, gbp, input, opts, ret, uuid } from './engine.fixtures.ts';
import { decide, type EngineInput, type EnginePolicy, FALLBACK_ALTERNATIVE } from './policies.rules.ts';

describe('the decision table on the demo policy set', () => {
  const cases: [string, Partial<EngineInput['request']>, StaffRole, string, string | null, string][] = [
    // rule 2: entitlements from law
    [
      'faulty refund on day 12',
      { kind: 'refund', facts: { faulty: true, days_since_delivery: 12 } },
      'agent',
      'granted',
      null,
      'entitlement',
    ],
    [
      'faulty refund on day 30',
      { kind: 'refund', facts: { faulty: true, days_since_delivery: 30 } },
      'agent',
      'granted',
      null,
      'entitlement',
    ],
    [
      'faulty repair at 5 months',
      { kind: 'repair', facts: { faulty: true, days_since_delivery: 150 } },
      'agent',
      'granted',
      null,
      'entitlement',
    ],
    [
      'faulty replacement at 5 months',
      { kind: 'replacement', facts: { faulty: true, days_since_delivery: 150 } },
      'agent',
      'granted',
      null,
      'entitlement',
    ],
    [
      'distance-sale return on day 10, beats the returns ladder',
      { kind: 'return', facts: { faulty: false, distance_sale: true, days_since_delivery: 10 } },
      'agent',
      'granted',
      null,
      'entitlement',
    ],
    // rule 1: hard forbids of law, profession and morals
    [
      'data about someone else',
      { kind: 'data_access', facts: { subject_is_requester: false } },
      'manager',
      'refused',
      null,
      'hard_forbid',
    ],
    [
      'advice on modifying a harness',
      { kind: 'advice', facts: { safety_equipment_modification: true } },
      'agent',
      'refused',
      null,
      'hard_forbid',
    ],
    [
      'credit for changing a review',
      gbp(1000, { linked_to_review: true }),
      'manager',
      'refused',
      null,
      'hard_forbid',
    ],
    // rule 3: organisational ladders
    ['change-of-mind return on day 20', ret(20), 'agent', 'granted', null, 'within_authority'],
    [
      'change-of-mind return on day 45',
      ret(45),
      'agent',
      'needs_authorisation',
      'supervisor',
      'needs_authority',
    ],
    [
      'change-of-mind return on day 45, decided by a supervisor',
      ret(45),
      'supervisor',
      'granted',
      null,
      'within_authority',
    ],
    [
      'change-of-mind return on day 75',
      ret(75),
      'agent',
      'needs_authorisation',
      'manager',
      'needs_authority',
    ],
    [
      'change-of-mind return on day 75, by a supervisor',
      ret(75),
      'supervisor',
      'needs_authorisation',
      'manager',
      'needs_authority',
    ],
    ['change-of-mind return on day 120', ret(120), 'manager', 'refused', null, 'beyond_authority'],
    ['goodwill £15', gbp(1500), 'agent', 'granted', null, 'within_authority'],
    ['goodwill £25.00 exactly', gbp(2500), 'agent', 'granted', null, 'within_authority'],
    ['goodwill £150', gbp(15000), 'agent', 'needs_authorisation', 'supervisor', 'needs_authority'],
    ['goodwill £500', gbp(50000), 'agent', 'needs_authorisation', 'manager', 'needs_authority'],
    [
      'goodwill £500 decided by an admin (no authority beyond manager)',
      gbp(50000),
      'admin',
      'granted',
      null,
      'within_authority',
    ],
    ['goodwill £1,500', gbp(150000), 'admin', 'refused', null, 'beyond_authority'],
    [
      'goodwill in euros goes to the top rung',
      { ...gbp(1000), currency: 'EUR' },
      'agent',
      'needs_authorisation',
      'manager',
      'needs_authority',
    ],
    [
      'a return with no delivery date goes to the top rung',
      { kind: 'return', facts: { faulty: false } },
      'agent',
      'needs_authorisation',
      'manager',
      'needs_authority',
    ],
    // rule 4: nothing applies
    [
      'a deadline extension',
      { kind: 'deadline_extension', facts: {} },
      'agent',
      'needs_authorisation',
      'supervisor',
      'default',
    ],
    [
      'a faulty refund after 40 days',
      { kind: 'refund', facts: { faulty: true, days_since_delivery: 40 } },
      'agent',
      'needs_authorisation',
      'supervisor',
      'default',
    ],
  ];
  it.each(cases)('%s', (_name, request, role, outcome, requiredRole, basis) => {
    const d = decide(DEMO, input(request), opts(role));
    expect({ outcome: d.outcome, required_role: d.required_role, basis: d.basis }).toEqual({
      outcome,
      required_role: requiredRole,
      basis,
    });
    expect(d.trace).toHaveLength(DEMO.length);
    expect(d.policy_versions).toHaveLength(DEMO.length);
    if (outcome === 'refused') {
      expect(d.citations.length).toBeGreaterThan(0);
      expect(d.alternatives.length).toBeGreaterThan(0);
      expect(d.explanation).not.toBe('');
    }
  });

  it('explains a refusal with the policy’s words, citation and alternatives, and traces every policy', () => {
    const d = decide(DEMO, input(ret(120)), opts());
    expect(d.explanation).toContain('delivered 120 days ago');
    expect(d.citations).toEqual([
      expect.objectContaining({ name: 'Returns for change of mind', layer: 'organisational' }),
    ]);
    expect(d.alternatives).toEqual(['Store credit for the full value of the item, valid for 12 months']);
    const line = d.trace.find((t) => t.name === 'Returns for change of mind')!;
    expect(line).toMatchObject({ applies: true, result: 'beyond_authority', decisive: true });
    expect(line.note).toContain("manager's limit of 90 days");
    expect(d.trace.find((t) => t.name === 'Goodwill credit')).toMatchObject({
      applies: false,
      result: 'other_kind',
    });
  });

  it('cites every hard forbid that applies, with all their alternatives', () => {
    const d = decide(
      DEMO,
      input({ kind: 'advice', facts: { safety_equipment_modification: true, linked_to_review: true } }),
      opts(),
    );
    expect(d.citations.map((c) => c.layer).sort()).toEqual(['moral', 'professional']);
    expect(d.alternatives).toHaveLength(2);
    expect(d.hard).toBe(true);
  });

  it('fills the amount into the explanation in the customer’s currency', () => {
    const d = decide(DEMO, input(gbp(15000)), opts());
    expect(d.explanation).toContain('you asked for £150.00');
  });

  it('lets an entitlement stand against an organisational forbid of any strength', () => {
    const orgHard: EnginePolicy = {
      ...byName('Goodwill'),
      policy_id: uuid(90),
      version_id: uuid(190),
      effect: 'forbid',
      strength: 'hard',
      kinds: [],
      authority: null,
    };
    const d = decide(
      [...DEMO, orgHard],
      input({ kind: 'refund', facts: { faulty: true, days_since_delivery: 3 } }),
      opts(),
    );
    expect(d.outcome).toBe('granted');
    const alone = decide([orgHard], input({ kind: 'refund', facts: {} }), opts());
    expect(alone).toMatchObject({ outcome: 'refused', hard: true, required_role: null });
  });

  it('refuses on a flexible forbid, naming who may bend it (a manager unless its ladder says)', () => {
    const flex: EnginePolicy = {
      ...byName('Goodwill'),
      policy_id: uuid(91),
      version_id: uuid(191),
      effect: 'forbid',
      strength: 'flexible',
      kinds: ['other'],
      authority: null,
    };
    expect(decide([flex], input({ kind: 'other' }), opts())).toMatchObject({
      outcome: 'refused',
      basis: 'flexible_forbid',
      hard: false,
      required_role: 'manager',
    });
    const laddered = {
      ...flex,
      authority: {
        currency: null,
        days_fact: 'days_since_delivery',
        rungs: [{ role: 'supervisor' as const, max_amount: null, max_days: 10 }],
      },
    };
    expect(
      decide([laddered], input({ kind: 'other', facts: { days_since_delivery: 5 } }), opts()).required_role,
    ).toBe('supervisor');
    expect(
      decide([laddered], input({ kind: 'other', facts: { days_since_delivery: 50 } }), opts()).required_role,
    ).toBeNull();
  });

  it('skips disabled policies and conditions that fail, saying why', () => {
    const off = { ...byName('Goodwill'), enabled: false };
    const broken = { ...byName('Returns'), condition: { nope: [1] } };
    const d = decide([off, broken], input(ret(10)), opts());
    expect(d.basis).toBe('default');
    expect(d.trace.map((t) => t.result).sort()).toEqual(['condition_error', 'disabled']);
  });

  it('uses the workspace default when nothing applies', () => {
    const d = decide([], input({ kind: 'other' }), { ...opts(), default_outcome: 'granted' });
    expect(d).toMatchObject({ outcome: 'granted', basis: 'default', required_role: null, citations: [] });
  });

  it('never lets a refusal out bare, even from a policy without alternatives', () => {
    const bare = { ...byName('review'), alternatives: [] };
    const d = decide([bare], input(gbp(100, { linked_to_review: true })), opts());
    expect(d.alternatives).toEqual([FALLBACK_ALTERNATIVE]);
  });
});
