import { describe, expect, it } from 'vitest';
import { countsFor, NO_KEY, type WorkspaceCounters } from './counts.rules.ts';

const ME = '11111111-1111-4111-8111-111111111111';
const YOU = '22222222-2222-4222-8222-222222222222';
const BILLING = '33333333-3333-4333-8333-333333333333';
const SHIPPING = '44444444-4444-4444-8444-444444444444';

const counters: WorkspaceCounters = {
  keys: [
    [BILLING, ME, 'open', 2],
    [BILLING, ME, 'pending', 1],
    [BILLING, NO_KEY, 'new', 3],
    [SHIPPING, YOU, 'open', 4],
    [SHIPPING, ME, 'on_hold', 5],
    [NO_KEY, NO_KEY, 'open', 6],
    [NO_KEY, YOU, 'pending', 7],
  ],
  solved_recently: 9,
  teams: [
    [BILLING, 'Billing', [ME]],
    [SHIPPING, 'Shipping', [YOU]],
  ],
};

describe('queue counts for one staff member', () => {
  it('count mine in every unsolved status, and unassigned, open and each team among new and open', () => {
    expect(countsFor(ME, counters)).toEqual({
      mine: 2 + 1 + 5,
      unassigned: 3 + 6,
      all_open: 2 + 3 + 4 + 6,
      pending: 1 + 7,
      on_hold: 5,
      solved_recently: 9,
      teams: [
        { id: BILLING, name: 'Billing', is_member: true, open: 2 + 3 },
        { id: SHIPPING, name: 'Shipping', is_member: false, open: 4 },
      ],
    });
  });

  it('differ between colleagues only in what is theirs', () => {
    const mine = countsFor(ME, counters);
    const yours = countsFor(YOU, counters);
    expect(yours.mine).toBe(4 + 7);
    expect(yours.teams.map((t) => t.is_member)).toEqual([false, true]);
    expect({ ...yours, mine: 0, teams: [] }).toEqual({ ...mine, mine: 0, teams: [] });
  });

  it('are all zero for an empty workspace, teams kept in their order', () => {
    const empty = countsFor(ME, { keys: [], solved_recently: 0, teams: counters.teams });
    expect(empty).toMatchObject({ mine: 0, unassigned: 0, all_open: 0, pending: 0, on_hold: 0 });
    expect(empty.teams.map((t) => [t.name, t.open])).toEqual([
      ['Billing', 0],
      ['Shipping', 0],
    ]);
  });
});
