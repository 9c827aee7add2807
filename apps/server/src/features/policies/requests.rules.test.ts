import type { StaffRole } from '@fairdesk/contract';
import { describe, expect, it } from 'vitest';
import { holdsRole, ladderVerdict, rolesUpTo, rungFor } from './authority.rules.ts';
import {
  authorisationState,
  authorityCheck,
  composeMessage,
  decodeCursor,
  encodeCursor,
  hasDecisionWords,
  refusalIsComplete,
  requestAbilities,
} from './requests.rules.ts';
import { formatAmount, renderTemplate } from './templates.rules.ts';
import { conditionProblems, mergeEdit, type VersionFields, versionProblems } from './versions.rules.ts';

const ladder = {
  currency: 'GBP',
  days_fact: 'days_since_delivery',
  rungs: [
    { role: 'manager' as const, max_amount: 100000, max_days: null },
    { role: 'agent' as const, max_amount: 2500, max_days: null },
    { role: 'supervisor' as const, max_amount: 20000, max_days: null },
  ],
};
const req = (amount: number | null, currency: string | null = 'GBP') => ({ amount, currency, facts: {} });

describe('authority ladders', () => {
  it.each([
    [2500, 'agent', 'within_authority', 'agent'],
    [2501, 'agent', 'needs_authority', 'supervisor'],
    [2501, 'supervisor', 'within_authority', 'supervisor'],
    [20001, 'supervisor', 'needs_authority', 'manager'],
    [100000, 'admin', 'within_authority', 'manager'],
    [100001, 'admin', 'beyond_authority', null],
  ] as const)('%i asked of a %s: %s (%s)', (amount, role, result, rungRole) => {
    expect(ladderVerdict(ladder, req(amount), role)).toMatchObject({ result, role: rungRole });
  });

  it('sends what it cannot measure to the top rung rather than refusing it', () => {
    expect(ladderVerdict(ladder, req(100, 'EUR'), 'agent')).toMatchObject({
      result: 'needs_authority',
      role: 'manager',
    });
    const days = { ...ladder, rungs: [{ role: 'agent' as const, max_amount: null, max_days: 30 }] };
    expect(ladderVerdict(days, req(null, null), 'agent')).toMatchObject({
      result: 'within_authority',
      role: 'agent',
    });
    expect(ladderVerdict(days, req(null, null), 'agent').note).toContain('days_since_delivery');
  });

  it('gives an admin a manager’s rung unless the ladder names admin', () => {
    expect(rungFor(ladder, 'admin')?.role).toBe('manager');
    expect(
      rungFor(
        { ...ladder, rungs: [...ladder.rungs, { role: 'admin', max_amount: null, max_days: null }] },
        'admin',
      )?.role,
    ).toBe('admin');
    expect(holdsRole('admin', 'manager')).toBe(true);
    expect(holdsRole('admin', 'admin')).toBe(true);
    expect(holdsRole('supervisor', 'manager')).toBe(false);
    expect(rolesUpTo('supervisor')).toEqual(['agent', 'supervisor']);
  });
});

describe('authorisations', () => {
  const at = new Date('2026-01-10T00:00:00Z');
  const later = new Date('2026-01-20T00:00:00Z');
  it.each([
    ['pending', null, at, 'pending'],
    ['pending', null, later, 'expired'],
    ['approved', null, at, 'approved'],
    ['approved', null, later, 'expired'],
    ['approved', at, later, 'used'],
    ['denied', null, later, 'denied'],
  ] as const)('%s (used %s) read at %s is %s', (status, used_at, now, state) => {
    expect(authorisationState({ status, used_at, expires_at: new Date('2026-01-15T00:00:00Z') }, now)).toBe(
      state,
    );
  });

  const d = (outcome: string, basis: string, required_role: StaffRole | null, hard = false) =>
    ({ outcome, basis, required_role, hard }) as Parameters<typeof authorityCheck>[0];
  it.each([
    [d('refused', 'hard_forbid', null, true), 'manager', 'hard'],
    [d('refused', 'beyond_authority', null), 'admin', 'over_limit'],
    [d('granted', 'entitlement', null), 'manager', 'not_awaiting'],
    [d('refused', 'flexible_forbid', 'manager'), 'supervisor', 'over_limit'],
    [d('refused', 'flexible_forbid', 'manager'), 'admin', 'ok'],
    [d('needs_authorisation', 'default', 'supervisor'), 'agent', 'over_limit'],
    [d('needs_authorisation', 'default', 'supervisor'), 'manager', 'ok'],
  ] as const)('%o decided by a %s: %s', (decision, role, expected) => {
    expect(authorityCheck(decision, null, role)).toBe(expected);
  });

  it('offers approve and deny only to those who hold the role, while the ask is live', () => {
    const waiting = d('needs_authorisation', 'needs_authority', 'supervisor');
    expect(requestAbilities(waiting, 'pending', 'agent')).toEqual({
      communicate: true,
      ask_authorisation: false,
      approve: false,
      deny: false,
    });
    expect(requestAbilities(waiting, 'pending', 'supervisor')).toMatchObject({ approve: true, deny: true });
    expect(requestAbilities(waiting, 'expired', 'supervisor')).toMatchObject({
      approve: false,
      ask_authorisation: true,
    });
    expect(requestAbilities(d('granted', 'authorised_exception', null), 'expired', 'agent')).toMatchObject({
      communicate: false,
      ask_authorisation: true,
    });
  });
});

describe('telling the customer', () => {
  it('puts the words, the conditions, the alternatives and the rule into one message', () => {
    const body = composeMessage({
      outcome: 'refused',
      explanation: 'We cannot take this back.',
      alternatives: ['Store credit'],
      conditions: [],
      citations: [{ name: 'Returns', citation: 'Returns policy §2' }],
    });
    expect(body).toBe(
      'We cannot take this back.\n\nWhat we can offer instead:\n- Store credit\n\nThis rests on: Returns (Returns policy §2).',
    );
    expect(refusalIsComplete('No.', ['  '])).toBe(false);
    expect(refusalIsComplete(' ', ['Store credit'])).toBe(false);
    expect(refusalIsComplete('No.', ['Store credit'])).toBe(true);
  });

  it('says it in the customer’s language, English where it has no words for theirs', () => {
    const parts = {
      outcome: 'needs_authorisation' as const,
      explanation: 'Wir prüfen das.',
      alternatives: ['Eine neue Zeltstange'],
      conditions: ['Mit Kassenbon'],
      citations: [{ name: 'Rückgabe', citation: '§2' }],
    };
    expect(composeMessage({ ...parts, language: 'de' })).toBe(
      'Wir prüfen das.\n\nEine Kollegin oder ein Kollege mit der nötigen Befugnis prüft Ihre Anfrage; wir teilen Ihnen das Ergebnis mit.\n\nDafür gelten diese Bedingungen:\n- Mit Kassenbon\n\nWas wir Ihnen stattdessen anbieten können:\n- Eine neue Zeltstange\n\nGrundlage: Rückgabe (§2).',
    );
    for (const other of ['fr', 'toString', undefined]) {
      expect(composeMessage({ ...parts, language: other })).toContain('What we can offer instead:');
    }
    expect(hasDecisionWords('de')).toBe(true);
    expect(hasDecisionWords('constructor')).toBe(false);
  });

  it('fills templates from the data and formats amounts in their currency', () => {
    expect(formatAmount(15000, 'GBP')).toBe('£150.00');
    expect(formatAmount(1500, 'JPY')).toBe('JP¥1,500');
    expect(
      renderTemplate('You asked for {{ request.amount_text }} {{nope.x}} after {{request.facts.d}} days.', {
        request: { amount_text: '£1.00', facts: { d: 4 } },
      }),
    ).toBe('You asked for £1.00 after 4 days.');
  });

  it('round-trips cursors and rejects forged ones', () => {
    const c = { at: '2026-01-01T00:00:00.000Z', id: '00000000-0000-4000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor('nonsense')).toBeNull();
  });
});

describe('sound policies', () => {
  const base: VersionFields = {
    name: 'Goodwill',
    layer: 'organisational',
    strength: 'flexible',
    kinds: [],
    condition: true,
    effect: 'allow',
    authority: null,
    citation: '§3',
    explanation: 'Yes.',
    alternatives: [],
    enabled: true,
  };
  it('accepts a plain allow and names every problem of a bad one', () => {
    expect(versionProblems(base)).toEqual([]);
    expect(versionProblems({ ...base, layer: 'moral', effect: 'forbid' })).toHaveLength(2);
    expect(conditionProblems({ and: [{ '==': [1, 1] }, { method: ['x', 'y'] }] })).toEqual([
      'condition.and[1]: unknown operation "method"',
    ]);
  });
  it('makes a layer change carry the layer’s strength unless the edit says otherwise', () => {
    expect(mergeEdit(base, { layer: 'law' }).strength).toBe('hard');
    expect(mergeEdit(base, { citation: '§4' })).toEqual({ ...base, citation: '§4' });
  });
});
