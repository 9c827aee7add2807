import { describe, expect, it } from 'vitest';
import {
  type CaseHistory,
  computeTargets,
  nextResponseCycle,
  nextTimer,
  type SlaPolicy,
  sameTargets,
  stateAt,
  type TargetRow,
} from './sla.rules.ts';

const at = (s: string) => new Date(`2026-03-10T${s}:00Z`);
const policy: SlaPolicy = {
  id: 'p',
  conditions: true,
  targets: {
    first_response: { minutes: 60, business: false },
    resolution: { minutes: 240, business: false },
  },
  pause_statuses: ['pending', 'on_hold'],
  warn_before_minutes: 15,
  raise_priority_on_breach: false,
};

describe('stateAt', () => {
  it.each([
    ['met wins', { met_at: at('09:00'), due_at: at('08:00'), warn_at: null }, '10:00', 'met'],
    ['no due time is paused', { met_at: null, due_at: null, warn_at: null }, '10:00', 'paused'],
    [
      'past due is breached',
      { met_at: null, due_at: at('09:00'), warn_at: at('08:45') },
      '09:00',
      'breached',
    ],
    [
      'inside the lead time is at risk',
      { met_at: null, due_at: at('09:00'), warn_at: at('08:45') },
      '08:50',
      'at_risk',
    ],
    [
      'before it is on track',
      { met_at: null, due_at: at('09:00'), warn_at: at('08:45') },
      '08:00',
      'on_track',
    ],
  ])('%s', (_n, row, now, expected) => expect(stateAt(row, at(now))).toBe(expected));
});

describe('nextTimer', () => {
  const base = {
    met_at: null,
    due_at: at('09:00'),
    warn_at: at('08:45'),
    warned_at: null,
    breached_at: null,
  };
  it.each([
    ['the warning first', base, at('08:45')],
    ['then the due time', { ...base, warned_at: at('08:45') }, at('09:00')],
    // A breach recorded before the warning ran: the skipped warning must not fire again and again.
    ['nothing after a breach', { ...base, breached_at: at('09:01') }, null],
    ['nothing once met', { ...base, met_at: at('08:00') }, null],
  ])('%s', (_n, row, expected) => expect(nextTimer(row as unknown as TargetRow)).toEqual(expected));
});

describe('sameTargets', () => {
  const row: TargetRow = {
    target: 'first_response',
    policy_id: 'p',
    minutes: 60,
    business: false,
    started_at: at('08:00'),
    due_at: at('09:00'),
    warn_at: at('08:45'),
    state: 'on_track',
    paused_at: null,
    met_at: null,
    warned_at: null,
    breached_at: null,
  };
  const resolution: TargetRow = { ...row, target: 'resolution', minutes: 240, due_at: at('12:00') };
  it('holds for the same values in other Date objects and in another order', () =>
    expect(
      sameTargets(
        [
          { ...resolution, due_at: at('12:00') },
          { ...row, started_at: at('08:00') },
        ],
        [row, resolution],
      ),
    ).toBe(true));
  it.each([
    ['a moved due time', { ...row, due_at: at('09:30') }],
    ['a new state', { ...row, state: 'at_risk' as const }],
    ['a met target', { ...row, met_at: at('08:30'), state: 'met' as const }],
    ['a recorded warning', { ...row, warned_at: at('08:45') }],
    ['a paused clock', { ...row, due_at: null, paused_at: at('08:10') }],
    ['another policy', { ...row, policy_id: 'q' }],
    ['business time', { ...row, business: true }],
  ])('fails for %s', (_n, changed) =>
    expect(sameTargets([row, resolution], [changed, resolution])).toBe(false),
  );
  it('fails when a target comes or goes', () => {
    expect(sameTargets([row], [row, resolution])).toBe(false);
    expect(sameTargets([row, resolution], [row])).toBe(false);
  });
  it('holds for none before and none now', () => expect(sameTargets([], [])).toBe(true));
});

describe('computeTargets in calendar time', () => {
  const base: CaseHistory = {
    created_at: at('08:00'),
    statuses: [{ at: at('08:00'), status: 'new' }],
    messages: [],
  };
  const due = (h: CaseHistory, now: string) =>
    Object.fromEntries(
      computeTargets(policy, null, h, at(now), []).map((r) => [r.target, r.due_at?.toISOString() ?? null]),
    );

  it.each([
    ['fresh case', base, '08:30', { first_response: at('09:00'), resolution: at('12:00') }],
    [
      'an hour pending moves the resolution an hour',
      {
        ...base,
        statuses: [
          ...base.statuses,
          { at: at('09:00'), status: 'pending' },
          { at: at('10:00'), status: 'open' },
        ],
      },
      '10:30',
      { first_response: at('09:00'), resolution: at('13:00') },
    ],
    [
      'still pending: the resolution is paused',
      { ...base, statuses: [...base.statuses, { at: at('09:00'), status: 'pending' }] },
      '10:30',
      { first_response: at('09:00'), resolution: null },
    ],
  ] as const)('%s', (_n, h, now, expected) => {
    const out = due(h as CaseHistory, now);
    expect(out.first_response).toBe(expected.first_response?.toISOString() ?? null);
    expect(out.resolution).toBe(expected.resolution?.toISOString() ?? null);
  });
});

it('next response cycles start with a customer message after a staff reply', () => {
  const m = (s: string, author: 'customer' | 'staff') => ({ at: at(s), author });
  const h = (messages: ReturnType<typeof m>[]): CaseHistory => ({
    created_at: at('08:00'),
    statuses: [],
    messages,
  });
  expect(nextResponseCycle(h([m('08:00', 'customer')]))).toBeNull();
  expect(nextResponseCycle(h([m('08:00', 'customer'), m('09:00', 'staff'), m('10:00', 'customer')]))).toEqual(
    {
      start: at('10:00'),
      met_at: null,
    },
  );
  expect(
    nextResponseCycle(
      h([m('08:00', 'customer'), m('09:00', 'staff'), m('10:00', 'customer'), m('11:00', 'staff')]),
    ),
  ).toEqual({ start: at('10:00'), met_at: at('11:00') });
});
