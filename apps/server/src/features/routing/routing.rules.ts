import type { AssignmentMode, CasePriority, SkillRule } from '@fairdesk/contract';
import { describeNeeds, requiredSkills } from './skills.rules.ts';

export { requiredSkills } from './skills.rules.ts';

/** Tags that mark a case as difficult work, shared fairly. */
export const DIFFICULT_TAGS = ['difficult', 'angry', 'escalated'] as const;

export type RoutedCase = { tags: string[]; priority: CasePriority; language?: string | null };

/** An online team member as routing sees them. */
export type Candidate = {
  staff_id: string;
  name: string;
  /** Whether their schedule has them on shift now (always, without a schedule). */
  on_shift: boolean;
  skills: string[];
  /** Open cases assigned now. */
  open: number;
  capacity: number;
  /** Difficult cases routed to them within the window. */
  difficult: number;
};

export type Choice =
  | { staff_id: string; name: string; explanation: string }
  | { staff_id: null; explanation: string };

export const isDifficult = (c: RoutedCase) =>
  c.priority === 'urgent' || c.tags.some((t) => (DIFFICULT_TAGS as readonly string[]).includes(t));

const byName = (a: Candidate, b: Candidate) =>
  a.name.localeCompare(b.name) || a.staff_id.localeCompare(b.staff_id);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const windowText = (hours: number) => (hours === 24 ? 'today' : `in the last ${hours} h`);

/** Difficult work: nobody takes more than their share of what the window holds, plus this case. */
function fairShare(pool: Candidate[], windowHours: number) {
  const total = pool.reduce((sum, c) => sum + c.difficult, 0);
  const share = Math.ceil((total + 1) / pool.length);
  const fair = pool.filter((c) => c.difficult + 1 <= share);
  const notes = pool
    .filter((c) => !fair.includes(c))
    .sort(byName)
    .map((c) => `${c.name} had ${plural(c.difficult, 'difficult case')} ${windowText(windowHours)}`);
  return { fair, notes };
}

/** Round robin: the first in name order after the agent who got the last case. */
function nextInTurn(everyone: Candidate[], pool: Candidate[], lastId: string | null) {
  const ring = [...everyone].sort(byName);
  const start = ring.findIndex((c) => c.staff_id === lastId) + 1;
  for (let i = 0; i < ring.length; i++) {
    const c = ring[(start + i) % ring.length];
    if (c && pool.includes(c)) return c;
  }
  return pool[0];
}

const leastLoaded = (pool: Candidate[]) =>
  [...pool].sort((a, b) => a.open - b.open || a.difficult - b.difficult || byName(a, b))[0];

type ChooseInput = {
  mode: AssignmentMode;
  candidates: Candidate[];
  case: RoutedCase;
  teamSkills: string[];
  skillRules?: SkillRule[];
  lastAssignedId: string | null;
  windowHours: number;
};

/** Who may take work now: on shift, with room left; and what to say about the others. */
function available(candidates: Candidate[]) {
  const offShift = candidates.filter((c) => !c.on_shift).sort(byName);
  const working = candidates.filter((c) => c.on_shift);
  const full = working.filter((c) => c.open >= c.capacity).sort(byName);
  const notes = [
    ...offShift.map((c) => `${c.name} is off shift`),
    ...full.map((c) => `${c.name} is at capacity (${c.open} of ${c.capacity})`),
  ];
  return { pool: working.filter((c) => c.open < c.capacity), working, notes };
}

/** Narrows the pool to agents with the skills the case needs, when somebody has them. */
function preferSkilled(pool: Candidate[], input: ChooseInput, notes: string[]) {
  const needs = requiredSkills(input.case, input.teamSkills, input.skillRules);
  if (needs.length === 0) return { pool, among: '' };
  const skilled = pool.filter((c) => needs.every((n) => c.skills.includes(n.skill)));
  if (skilled.length > 0) return { pool: skilled, among: ` among agents with ${describeNeeds(needs)}` };
  notes.unshift(`nobody available has ${describeNeeds(needs)}`);
  return { pool, among: '' };
}

/**
 * Picks the agent for a case among the team's online members, and says why: shift and capacity
 * first, then the fair share of difficult work, then skills, then the team's mode.
 */
export function chooseAgent(input: ChooseInput): Choice {
  if (input.mode === 'manual') return { staff_id: null, explanation: 'the team assigns by hand' };
  if (input.candidates.length === 0) return { staff_id: null, explanation: 'nobody in the team is online' };
  const { pool: open, working, notes } = available(input.candidates);
  if (working.length === 0)
    return { staff_id: null, explanation: `nobody online is on shift; ${notes.join('; ')}` };
  if (open.length === 0) return { staff_id: null, explanation: 'every agent on shift is at capacity' };
  let pool = open;
  if (isDifficult(input.case)) {
    const { fair, notes: over } = fairShare(pool, input.windowHours);
    pool = fair;
    notes.push(...over);
  }
  const skilled = preferSkilled(pool, input, notes);
  pool = skilled.pool;
  const pick =
    input.mode === 'load_balanced' ? leastLoaded(pool) : nextInTurn(working, pool, input.lastAssignedId);
  if (!pick) return { staff_id: null, explanation: 'nobody could take the case' };
  const reason =
    input.mode === 'load_balanced'
      ? `least load (${pick.open} open of ${pick.capacity})${skilled.among}`
      : `next in turn${skilled.among}`;
  const explanation = [`assigned to ${pick.name}: ${reason}`, ...notes].join('; ');
  return { staff_id: pick.staff_id, name: pick.name, explanation };
}
