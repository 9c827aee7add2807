import { describe, expect, it } from 'vitest';
import { evaluates, pauseProblems, reorder, slaConditionProblems } from './sla-policies.rules.ts';

describe('slaConditionProblems', () => {
  it.each([
    [true, 0],
    [{}, 0],
    [{ '==': [{ var: 'priority' }, 'urgent'] }, 0],
    [{ in: [{ var: 'channel' }, ['email', 'portal']] }, 0],
    [{ in: ['vip', { var: 'tags' }] }, 0],
    [{ and: [{ '==': [{ var: 'team_id' }, 'x'] }, { '!': { var: 'organisation_id' } }] }, 0],
    [{ some: [{ var: 'tags' }, { '==': [{ var: '' }, 'vip'] }] }, 0],
    [{ missing: ['organisation_id'] }, 0],
    [{ '==': [{ var: ['priority', 'normal'] }, 'normal'] }, 0],
    [{ '==': [{ var: 'customer.vip' }, true] }, 1],
    [{ missing: ['request.amount'] }, 1],
    [{ log: 'x' }, 1],
    [{ '==': [1, 1], '!=': [1, 2] }, 1],
    [{ var: 7 }, 1],
    [{ and: [{ '==': [{ var: 'subject' }, 'a'] }, { '==': [{ var: 'status' }, 'b'] }] }, 2],
  ])('%j has %i problems', (rule, n) => expect(slaConditionProblems(rule)).toHaveLength(n));

  it('names the field and where it is', () => {
    expect(slaConditionProblems({ and: [{ '==': [{ var: 'customer.vip' }, true] }] })).toEqual([
      'conditions.and[0].==[0].var: unknown field "customer.vip" (use priority, channel, organisation_id, tags, team_id)',
    ]);
  });
});

describe('evaluates', () => {
  it.each([
    [true, true],
    [{ '==': [{ var: 'priority' }, 'urgent'] }, true],
    [{ in: ['vip', { var: 'tags' }] }, true],
    [{ substr: [{ var: 'priority' }] }, true],
  ])('%j -> %s', (rule, ok) => expect(evaluates(rule)).toBe(ok));
});

describe('pauseProblems', () => {
  it.each([
    [['pending', 'on_hold'], 0],
    [['new', 'open'], 0],
    [['solved'], 1],
    [['pending', 'closed', 'solved'], 2],
  ] as const)('%j -> %i', (s, n) => expect(pauseProblems([...s])).toHaveLength(n));
});

describe('reorder', () => {
  it.each([
    [
      ['a', 'b', 'c'],
      ['c', 'a', 'b'],
      ['c', 'a', 'b'],
    ],
    [['a', 'b'], ['a'], null],
    [['a', 'b'], ['a', 'a'], null],
    [['a', 'b'], ['a', 'x'], null],
    [['a'], ['a', 'b'], null],
  ])('%j by %j -> %j', (current, ids, out) => expect(reorder(current, ids)).toEqual(out));
});
