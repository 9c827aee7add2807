import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { input, opts, uuid } from './engine.fixtures.ts';
import { decide, type EngineInput, type EnginePolicy } from './policies.rules.ts';

// Property tests over random policy sets and requests.
const KINDS = ['refund', 'replacement', 'repair', 'return', 'goodwill_credit', 'other'] as const;
const ROLES = ['agent', 'supervisor', 'manager', 'admin'] as const;
const arbPolicy = (i: number) =>
  fc
    .record({
      layer: fc.constantFrom('law', 'professional', 'moral', 'organisational'),
      flexible: fc.boolean(),
      kinds: fc.subarray([...KINDS], { maxLength: 2 }),
      threshold: fc.integer({ min: 0, max: 100 }),
      effect: fc.constantFrom('entitle', 'forbid', 'allow', 'allow_with_authority'),
      rungs: fc.subarray(['agent', 'supervisor', 'manager'] as const, { minLength: 1 }),
      alternatives: fc.array(fc.constantFrom('Store credit', 'A partial credit'), { maxLength: 2 }),
    })
    .map(
      (r): EnginePolicy => ({
        policy_id: uuid(i),
        version_id: uuid(1000 + i),
        version: 1,
        name: `P${i}`,
        layer: r.layer,
        strength: r.layer === 'organisational' && r.flexible ? 'flexible' : 'hard',
        kinds: r.kinds,
        condition: { '<=': [{ var: 'request.facts.days' }, r.threshold] },
        effect: r.effect,
        authority:
          r.effect === 'allow_with_authority'
            ? {
                currency: 'GBP',
                days_fact: 'days',
                rungs: r.rungs.map((role, k) => ({
                  role,
                  max_amount: (k + 1) * 1000,
                  max_days: (k + 1) * 30,
                })),
              }
            : null,
        citation: `§${i}`,
        explanation: `Rule ${i}`,
        alternatives: r.alternatives,
        enabled: true,
      }),
    );
const arbPolicies = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbPolicy(i + 1))));
const arbInput = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    amount: fc.integer({ min: 0, max: 5000 }),
    days: fc.integer({ min: 0, max: 120 }),
  })
  .map((r) => input({ kind: r.kind, amount: r.amount, currency: 'GBP', facts: { days: r.days } }));
const arbRole = fc.constantFrom(...ROLES);
const applies = (p: EnginePolicy, i: EngineInput) =>
  (p.kinds.length === 0 || p.kinds.includes(i.request.kind)) &&
  (i.request.facts.days as number) <= (p.condition as { '<=': [unknown, number] })['<='][1];

describe('properties of the engine', () => {
  it('a hard forbid is never overridden: refused, hard, nobody to authorise (bar a legal entitlement over an organisational forbid)', () => {
    fc.assert(
      fc.property(arbPolicies, arbInput, arbRole, (ps, i, role) => {
        const hard = ps.filter((p) => p.effect === 'forbid' && p.strength === 'hard' && applies(p, i));
        if (hard.length === 0) return;
        const d = decide(ps, i, opts(role));
        const entitled = ps.some(
          (p) => p.effect === 'entitle' && p.layer !== 'organisational' && applies(p, i),
        );
        if (hard.some((p) => p.layer !== 'organisational') || !entitled) {
          expect(d).toMatchObject({ outcome: 'refused', hard: true, required_role: null });
        }
      }),
    );
  });

  it('a refusal always cites at least one policy and carries at least one alternative', () => {
    fc.assert(
      fc.property(arbPolicies, arbInput, arbRole, (ps, i, role) => {
        const d = decide(ps, i, opts(role));
        if (d.outcome !== 'refused') return;
        expect(d.citations.length).toBeGreaterThan(0);
        expect(d.alternatives.length).toBeGreaterThan(0);
      }),
    );
  });

  it('the outcome does not depend on the order policies are stored in', () => {
    fc.assert(
      fc.property(
        arbPolicies.chain((ps) =>
          fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length })),
        ),
        arbInput,
        arbRole,
        ([ps, shuffled], i, role) => {
          expect(decide(shuffled, i, opts(role))).toEqual(decide(ps, i, opts(role)));
        },
      ),
    );
  });

  it('an entitlement is never refused by an organisational policy', () => {
    fc.assert(
      fc.property(arbPolicies, arbInput, arbRole, (ps, i, role) => {
        const entitled = ps.some(
          (p) => p.effect === 'entitle' && p.layer !== 'organisational' && applies(p, i),
        );
        const higherForbid = ps.some(
          (p) => p.effect === 'forbid' && p.layer !== 'organisational' && applies(p, i),
        );
        if (!entitled || higherForbid) return;
        expect(decide(ps, i, opts(role))).toMatchObject({ outcome: 'granted', basis: 'entitlement' });
      }),
    );
  });
});
