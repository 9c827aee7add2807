import type { AssignmentMode, CasePriority } from '@fairdesk/contract';

/** Tags that mark a case as difficult work, shared fairly. */
export const DIFFICULT_TAGS = ['difficult', 'angry', 'escalated'] as const;

export type RoutedCase = { tags: string[]; priority: CasePriority };

/** An online team member as routing sees them. */
export type Candidate = {
  staff_id: string;
  name: string;
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

/** The rule for required skills: a case's tags that name a skill someone in the team has. */
export const requiredSkills = (tags: string[], teamSkills: string[]) =>
  [...new Set(tags.filter((t) => teamSkills.includes(t)))].sort();

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

/**
 * Picks the agent for a case among the team's online members, and says why: capacity first, then
 * the fair share of difficult work, then skills, then the team's mode.
 */
export function chooseAgent(input: {
  mode: AssignmentMode;
  candidates: Candidate[];
  case: RoutedCase;
  teamSkills: string[];
  lastAssignedId: string | null;
  windowHours: number;
}): Choice {
  if (input.mode === 'manual') return { staff_id: null, explanation: 'the team assigns by hand' };
  if (input.candidates.length === 0) return { staff_id: null, explanation: 'nobody in the team is online' };
  let pool = input.candidates.filter((c) => c.open < c.capacity);
  if (pool.length === 0) return { staff_id: null, explanation: 'every online agent is at capacity' };
  const notes: string[] = input.candidates
    .filter((c) => c.open >= c.capacity)
    .sort(byName)
    .map((c) => `${c.name} is at capacity (${c.open} of ${c.capacity})`);
  if (isDifficult(input.case)) {
    const { fair, notes: over } = fairShare(pool, input.windowHours);
    pool = fair;
    notes.push(...over);
  }
  const required = requiredSkills(input.case.tags, input.teamSkills);
  let among = '';
  if (required.length > 0) {
    const skilled = pool.filter((c) => required.every((s) => c.skills.includes(s)));
    if (skilled.length > 0) {
      pool = skilled;
      among = ` among agents with ${required.join(' and ')}`;
    } else notes.unshift(`nobody available has ${required.join(' and ')}`);
  }
  const pick =
    input.mode === 'load_balanced'
      ? leastLoaded(pool)
      : nextInTurn(input.candidates, pool, input.lastAssignedId);
  if (!pick) return { staff_id: null, explanation: 'nobody could take the case' };
  const reason =
    input.mode === 'load_balanced'
      ? `least load (${pick.open} open of ${pick.capacity})${among}`
      : `next in turn${among}`;
  const explanation = [`assigned to ${pick.name}: ${reason}`, ...notes].join('; ');
  return { staff_id: pick.staff_id, name: pick.name, explanation };
}
