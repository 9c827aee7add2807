import { describe, expect, it } from 'vitest';
import { mergedFields } from './customer-merge.rules.ts';

const person = (over: Partial<Parameters<typeof mergedFields>[0]> = {}) => ({
  name: 'Alice',
  email: 'alice@example.test',
  phone: null,
  notes: '',
  organisation_id: null,
  ...over,
});

describe('what a merge keeps', () => {
  it.each([
    ['nothing to take', person(), person({ name: 'A.' }), {}],
    [
      'notes when the survivor has none',
      person(),
      person({ name: 'A.', notes: 'Hi' }),
      { notes: 'Merged from A. <alice@example.test>:\nHi' },
    ],
    [
      'notes appended',
      person({ notes: 'VIP\n' }),
      person({ notes: ' Calls a lot ' }),
      { notes: 'VIP\n\nMerged from Alice <alice@example.test>:\nCalls a lot' },
    ],
    [
      'phone and organisation only into gaps',
      person(),
      person({ phone: '1', organisation_id: 'o' }),
      { phone: '1', organisation_id: 'o' },
    ],
    [
      'the survivor’s own values win',
      person({ phone: '2', organisation_id: 'p' }),
      person({ phone: '1', organisation_id: 'o' }),
      {},
    ],
  ])('%s', (_label, target, source, expected) => {
    expect(mergedFields(target, source)).toEqual(expected);
  });
});
