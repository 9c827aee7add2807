import { describe, expect, it } from 'vitest';
import {
  type CaseContacts,
  type Colleague,
  chooseRecipients,
  decodeCursor,
  encodeCursor,
  notificationText,
  recipientIds,
  toPage,
} from './notifications.rules.ts';

const person = (id: string, role = 'agent', active = true): Colleague => ({ id, name: id, role, active });
const ana = person('ana');
const sam = person('sam', 'supervisor');
const kim = person('kim', 'supervisor');
const gone = person('gone', 'supervisor', false);
const boss = person('boss', 'supervisor');
const ws = [boss, kim];

const contacts = (c: Partial<CaseContacts>): CaseContacts => ({
  assignee: null,
  teamMembers: [],
  workspaceSupervisors: ws,
  ...c,
});

describe('chooseRecipients', () => {
  it.each([
    [
      'assignee and team supervisor',
      { assignee: ana, teamMembers: [ana, sam] },
      'assignee_and_supervisors',
      ['ana', 'sam'],
    ],
    [
      'team without supervisor: the workspace’s',
      { assignee: ana, teamMembers: [ana] },
      'assignee_and_supervisors',
      ['ana', 'boss', 'kim'],
    ],
    ['no team: the workspace’s', { assignee: ana }, 'assignee_and_supervisors', ['ana', 'boss', 'kim']],
    [
      'inactive team supervisor does not count',
      { assignee: ana, teamMembers: [gone] },
      'assignee_and_supervisors',
      ['ana', 'boss', 'kim'],
    ],
    [
      'assignee who is a team supervisor, once',
      { assignee: sam, teamMembers: [sam, kim] },
      'assignee_and_supervisors',
      ['sam', 'kim'],
    ],
    ['unassigned: supervisors only', { teamMembers: [sam] }, 'assignee_and_supervisors', ['sam']],
    [
      'inactive assignee is left out',
      { assignee: person('x', 'agent', false), teamMembers: [sam] },
      'assignee_and_supervisors',
      ['sam'],
    ],
    ['warning: the assignee only', { assignee: ana, teamMembers: [ana, sam] }, 'assignee', ['ana']],
    ['warning, unassigned: the supervisors', { teamMembers: [sam] }, 'assignee', ['sam']],
    ['nobody at all', { workspaceSupervisors: [gone] }, 'assignee_and_supervisors', []],
  ] as const)('%s', (_, c, scope, expected) => {
    expect(chooseRecipients(contacts(c as Partial<CaseContacts>), scope).map((p) => p.id)).toEqual(expected);
  });
});

describe('recipientIds', () => {
  const id = '0b6f2a8e-3c1d-4e5f-8a9b-0c1d2e3f4a5b';
  it.each([
    [[id, id.toUpperCase()], [id]],
    [['not-an-id', '', id], [id]],
    [[], []],
  ])('%j -> %j', (input, expected) => {
    expect(recipientIds(input)).toEqual(expected);
  });
});

describe('notificationText', () => {
  it.each([
    ['  Breach  ', ' body ', { title: 'Breach', body: 'body' }],
    ['   ', 'x', null],
    ['x'.repeat(250), '', { title: 'x'.repeat(200), body: '' }],
    ['T', 'y'.repeat(2100), { title: 'T', body: 'y'.repeat(2000) }],
  ] as const)('%j', (title, body, expected) => {
    expect(notificationText(title, body)).toEqual(expected);
  });
});

describe('cursors and pages', () => {
  const id = '0b6f2a8e-3c1d-4e5f-8a9b-0c1d2e3f4a5b';
  it('round-trips and refuses what we did not issue', () => {
    expect(decodeCursor(encodeCursor({ us: 1_770_000_000_123_456, id }))).toEqual({
      us: 1_770_000_000_123_456,
      id,
    });
    for (const bad of [
      '',
      'xyz',
      Buffer.from('[1.5,"a"]').toString('base64url'),
      Buffer.from(`[-1,"${id}"]`).toString('base64url'),
      Buffer.from('[1,"nope"]').toString('base64url'),
    ]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });

  it('gives a cursor only when there is more', () => {
    const rows = [1, 2, 3].map((n) => ({ sort_us: n, id: `${id.slice(0, -1)}${n}` }));
    expect(toPage(rows, 3).next_cursor).toBeNull();
    const page = toPage(rows, 2);
    expect(page.items).toHaveLength(2);
    expect(decodeCursor(page.next_cursor ?? '')).toEqual({ us: 2, id: rows[1]?.id });
  });
});
