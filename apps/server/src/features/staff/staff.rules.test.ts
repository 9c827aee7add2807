import { describe, expect, it } from 'vitest';
import { idSet, keepsAnAdmin, membershipDiff, missingIds } from './staff.rules.ts';

describe('keepsAnAdmin', () => {
  const admin = { role: 'admin', active: true } as const;
  const cases = [
    {
      name: 'last admin demoting themselves',
      before: admin,
      after: { ...admin, role: 'manager' },
      admins: 1,
      ok: false,
    },
    {
      name: 'last admin deactivated',
      before: admin,
      after: { ...admin, active: false },
      admins: 1,
      ok: false,
    },
    {
      name: 'last admin demoted and deactivated',
      before: admin,
      after: { role: 'agent', active: false },
      admins: 1,
      ok: false,
    },
    {
      name: 'one of two admins demoted',
      before: admin,
      after: { ...admin, role: 'agent' },
      admins: 2,
      ok: true,
    },
    {
      name: 'one of two admins deactivated',
      before: admin,
      after: { ...admin, active: false },
      admins: 2,
      ok: true,
    },
    { name: 'last admin renamed (standing unchanged)', before: admin, after: admin, admins: 1, ok: true },
    {
      name: 'agent deactivated',
      before: { role: 'agent', active: true },
      after: { role: 'agent', active: false },
      admins: 1,
      ok: true,
    },
    {
      name: 'inactive admin demoted',
      before: { role: 'admin', active: false },
      after: { role: 'agent', active: false },
      admins: 1,
      ok: true,
    },
    {
      name: 'manager promoted to admin',
      before: { role: 'manager', active: true },
      after: admin,
      admins: 1,
      ok: true,
    },
  ] as const;
  it.each(cases)('$name -> ok: $ok', ({ before, after, admins, ok }) => {
    const outcome = keepsAnAdmin(before, after, admins);
    expect(outcome.ok).toBe(ok);
    if (!outcome.ok) expect(outcome.reason).toBe('last_admin');
  });
});

describe('idSet', () => {
  it.each([
    { ids: [], out: [] },
    { ids: ['b', 'a'], out: ['a', 'b'] },
    { ids: ['a', 'b', 'a'], out: ['a', 'b'] },
  ])('$ids -> $out', ({ ids, out }) => expect(idSet(ids)).toEqual(out));
});

describe('missingIds', () => {
  it.each([
    { wanted: [], found: ['a'], out: [] },
    { wanted: ['a', 'b'], found: ['a', 'b'], out: [] },
    { wanted: ['a', 'b', 'c'], found: ['b'], out: ['a', 'c'] },
  ])('$wanted less $found -> $out', ({ wanted, found, out }) =>
    expect(missingIds(wanted, found)).toEqual(out),
  );
});

describe('membershipDiff', () => {
  it.each([
    { before: [], after: ['a'], added: ['a'], removed: [] },
    { before: ['a'], after: [], added: [], removed: ['a'] },
    { before: ['a', 'b'], after: ['b', 'c'], added: ['c'], removed: ['a'] },
    { before: ['a', 'b'], after: ['a', 'b'], added: [], removed: [] },
  ])('$before -> $after', ({ before, after, added, removed }) =>
    expect(membershipDiff(before, after)).toEqual({ added, removed }),
  );
});
