import { describe, expect, it } from 'vitest';
import { type Candidate, chooseAgent, isDifficult, requiredSkills } from './routing.rules.ts';

const agent = (name: string, o: Partial<Candidate> = {}): Candidate => ({
  staff_id: name.toLowerCase(),
  name,
  on_shift: true,
  skills: [],
  open: 0,
  capacity: 5,
  difficult: 0,
  ...o,
});
const normal = { tags: [], priority: 'normal' as const };

describe('isDifficult', () => {
  it.each([
    [{ tags: ['angry'], priority: 'low' as const }, true],
    [{ tags: ['escalated'], priority: 'normal' as const }, true],
    [{ tags: ['difficult'], priority: 'normal' as const }, true],
    [{ tags: [], priority: 'urgent' as const }, true],
    [{ tags: ['returns'], priority: 'high' as const }, false],
  ])('%j -> %s', (c, want) => expect(isDifficult(c)).toBe(want));
});

describe('requiredSkills', () => {
  const team = ['spanish', 'german', 'tents'];
  const rules = [
    { when: 'language' as const, value: 'es', skill: 'spanish' },
    { when: 'language' as const, value: 'de', skill: 'german' },
    { when: 'tag' as const, value: 'tent-pole', skill: 'tents' },
  ];
  const skills = (tags: string[], language: string | null, r = rules) =>
    requiredSkills({ tags, language }, team, r).map((n) => `${n.skill}:${n.because ?? 'tag'}`);
  it.each([
    ['tags that name a team skill', ['spanish', 'tents', 'angry'], null, [], ['spanish:tag', 'tents:tag']],
    ['no skill in the tags', ['angry'], null, [], []],
    ['the customer’s language by rule', [], 'es', rules, ['spanish:customer language es']],
    ['a regional language matches its rule', [], 'de-AT', rules, ['german:customer language de']],
    ['a tag by rule', ['tent-pole'], 'en', rules, ['tents:tagged tent-pole']],
    ['a tag naming the skill wins over a rule', ['spanish'], 'es', rules, ['spanish:tag']],
    ['no rule for the language', [], 'fr', rules, []],
  ])('%s', (_name, tags, language, r, want) => expect(skills(tags, language, r)).toEqual(want));
});

describe('chooseAgent', () => {
  const base = { teamSkills: ['spanish'], lastAssignedId: null, windowHours: 24 };
  it.each([
    {
      name: 'manual teams are left alone',
      input: { mode: 'manual' as const, candidates: [agent('Ana')], case: normal },
      want: null,
      says: 'by hand',
    },
    {
      name: 'nobody online',
      input: { mode: 'round_robin' as const, candidates: [], case: normal },
      want: null,
      says: 'nobody in the team is online',
    },
    {
      name: 'everyone full',
      input: { mode: 'load_balanced' as const, candidates: [agent('Ana', { open: 5 })], case: normal },
      want: null,
      says: 'at capacity',
    },
    {
      name: 'least load wins',
      input: {
        mode: 'load_balanced' as const,
        candidates: [agent('Ana', { open: 3 }), agent('Ben', { open: 1 }), agent('Cy', { open: 2 })],
        case: normal,
      },
      want: 'ben',
      says: 'assigned to Ben: least load (1 open of 5)',
    },
    {
      name: 'skills are preferred over load',
      input: {
        mode: 'load_balanced' as const,
        candidates: [agent('Ana', { open: 3, skills: ['spanish'] }), agent('Ben', { open: 0 })],
        case: { tags: ['spanish'], priority: 'normal' as const },
      },
      want: 'ana',
      says: 'assigned to Ana: least load (3 open of 5) among agents with spanish',
    },
    {
      name: 'without a skilled agent anyone will do, and it says so',
      input: {
        mode: 'load_balanced' as const,
        candidates: [agent('Ben', { open: 0 })],
        case: { tags: ['spanish'], priority: 'normal' as const },
      },
      want: 'ben',
      says: 'nobody available has spanish',
    },
    {
      name: 'difficult work skips whoever had more than their share',
      input: {
        mode: 'load_balanced' as const,
        candidates: [
          agent('Ana', { open: 2, skills: ['spanish'] }),
          agent('Ben', { open: 0, skills: ['spanish'], difficult: 3 }),
          agent('Cy', { open: 4, difficult: 0 }),
        ],
        case: { tags: ['spanish', 'angry'], priority: 'normal' as const },
      },
      want: 'ana',
      says: 'assigned to Ana: least load (2 open of 5) among agents with spanish; Ben had 3 difficult cases today',
    },
    {
      name: 'a skill from the customer’s language, and the explanation says which',
      input: {
        mode: 'load_balanced' as const,
        candidates: [agent('Ana', { open: 2, skills: ['spanish'] }), agent('Ben', { open: 0 })],
        case: { tags: [], priority: 'normal' as const, language: 'es' },
        skillRules: [{ when: 'language' as const, value: 'es', skill: 'spanish' }],
      },
      want: 'ana',
      says: 'assigned to Ana: least load (2 open of 5) among agents with spanish (customer language es)',
    },
    {
      name: 'an online agent off shift gets nothing, and it says so',
      input: {
        mode: 'load_balanced' as const,
        candidates: [agent('Ana', { open: 4 }), agent('Ben', { open: 0, on_shift: false })],
        case: normal,
      },
      want: 'ana',
      says: 'assigned to Ana: least load (4 open of 5); Ben is off shift',
    },
    {
      name: 'nobody on shift',
      input: {
        mode: 'round_robin' as const,
        candidates: [agent('Ben', { on_shift: false })],
        case: normal,
      },
      want: null,
      says: 'nobody online is on shift; Ben is off shift',
    },
    {
      name: 'round robin goes on after the last one',
      input: {
        mode: 'round_robin' as const,
        candidates: [agent('Ana'), agent('Ben'), agent('Cy')],
        case: normal,
        lastAssignedId: 'ben',
      },
      want: 'cy',
      says: 'assigned to Cy: next in turn',
    },
    {
      name: 'round robin wraps, skips the full and says so',
      input: {
        mode: 'round_robin' as const,
        candidates: [agent('Ana', { open: 5 }), agent('Ben'), agent('Cy')],
        case: normal,
        lastAssignedId: 'cy',
      },
      want: 'ben',
      says: 'assigned to Ben: next in turn; Ana is at capacity (5 of 5)',
    },
  ])('$name', ({ input, want, says }) => {
    const got = chooseAgent({ ...base, ...input });
    expect(got.staff_id).toBe(want);
    expect(got.explanation).toContain(says);
  });
});
