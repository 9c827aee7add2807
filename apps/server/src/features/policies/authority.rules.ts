import type { Authority, StaffRole } from '@fairdesk/contract';

/** Who carries more authority. Admin is a configuration role: it outranks manager only where a ladder names it. */
const RANK: Record<StaffRole, number> = { agent: 1, supervisor: 2, manager: 3, admin: 4 };
export const rank = (role: StaffRole) => RANK[role];

/** The higher of two roles (null means "nobody needed"). */
export const higherRole = (a: StaffRole | null, b: StaffRole | null): StaffRole | null =>
  a === null ? b : b === null ? a : rank(a) >= rank(b) ? a : b;

/** Roles at or below `role`: whose asks appear in this person's authorisation queue. */
export const rolesUpTo = (role: StaffRole): StaffRole[] =>
  (Object.keys(RANK) as StaffRole[]).filter((r) => rank(r) <= rank(role));

/**
 * Whether `holder` carries the authority named by `required` where no ladder says more: an admin
 * counts as a manager unless the admin role itself is what is required.
 */
export const holdsRole = (holder: StaffRole, required: StaffRole): boolean =>
  holder === required || rank(holder === 'admin' ? 'manager' : holder) >= rank(required);

type Rung = Authority['rungs'][number];
type Measure = { amount: number | null; days: number | null; unknown: string[] };
export type LadderRequest = {
  amount: number | null;
  currency: string | null;
  facts: Record<string, unknown>;
};

export type LadderVerdict =
  | { result: 'within_authority'; role: StaffRole; note: string }
  | { result: 'needs_authority'; role: StaffRole; note: string }
  | { result: 'beyond_authority'; role: null; note: string };

const sortedRungs = (a: Authority) => [...a.rungs].sort((x, y) => rank(x.role) - rank(y.role));

/** The rung that applies to a role: the highest ladder role at or below it (admin gets manager's). */
export function rungFor(a: Authority, role: StaffRole): Rung | null {
  return (
    sortedRungs(a)
      .filter((r) => rank(r.role) <= rank(role))
      .at(-1) ?? null
  );
}

function measure(a: Authority, req: LadderRequest): Measure {
  const unknown: string[] = [];
  const limitsAmount = a.rungs.some((r) => r.max_amount !== null);
  const limitsDays = a.rungs.some((r) => r.max_days !== null);
  let amount: number | null = null;
  if (limitsAmount && req.amount !== null) {
    if (a.currency && req.currency !== a.currency) unknown.push(`an amount in ${req.currency}`);
    else amount = req.amount;
  }
  let days: number | null = null;
  if (limitsDays) {
    const v = req.facts[a.days_fact];
    if (typeof v === 'number' && Number.isFinite(v)) days = v;
    else unknown.push(`the fact ${a.days_fact}`);
  }
  return { amount, days, unknown };
}

const covers = (r: Rung, m: Measure) =>
  (r.max_amount === null || m.amount === null || m.amount <= r.max_amount) &&
  (r.max_days === null || m.days === null || m.days <= r.max_days);

const limitText = (r: Rung) =>
  [
    r.max_amount !== null ? `${(r.max_amount / 100).toFixed(2)}` : null,
    r.max_days !== null ? `${r.max_days} days` : null,
  ]
    .filter(Boolean)
    .join(' and ');

/**
 * What an authority ladder says about a request for a deciding role: within that role's limit,
 * needing the lowest role whose limit covers it, or beyond every rung. A measure the ladder cannot
 * read (a missing fact, another currency) goes to the top rung rather than to a refusal.
 */
export function ladderVerdict(a: Authority, req: LadderRequest, actorRole: StaffRole): LadderVerdict {
  const rungs = sortedRungs(a);
  const m = measure(a, req);
  const own = rungFor(a, actorRole);
  if (m.unknown.length > 0) {
    const top = rungs.at(-1)!;
    const note = `Cannot measure ${m.unknown.join(' or ')}; the highest rung (${top.role}) decides`;
    return own && own.role === top.role
      ? { result: 'within_authority', role: top.role, note }
      : { result: 'needs_authority', role: top.role, note };
  }
  const lowest = rungs.find((r) => covers(r, m));
  if (!lowest) {
    const top = rungs.at(-1)!;
    return {
      result: 'beyond_authority',
      role: null,
      note: `Beyond every rung: over ${top.role}'s limit of ${limitText(top)}`,
    };
  }
  if (own && covers(own, m)) {
    return {
      result: 'within_authority',
      role: own.role,
      note: `Within ${own.role}'s limit of ${limitText(own)}`,
    };
  }
  const whose = own ? `over ${own.role}'s limit of ${limitText(own)}` : `no authority for ${actorRole}`;
  return { result: 'needs_authority', role: lowest.role, note: `Needs a ${lowest.role}: ${whose}` };
}
