import type { Deps } from '../../deps.ts';
import type { StaffActor } from '../../infra/actor.ts';
import type { WorkspaceCache } from '../../infra/workspace-cache.ts';
import { workspaceCountersOf } from './counts.queries.ts';
import { countsFor, type WorkspaceCounters } from './counts.rules.ts';

const DAY_MS = 24 * 3_600_000;
/** Longest the counters are kept, whatever is heard: the bound on a change no event announced (SQL by hand). */
export const COUNTS_KEEP_MS = 5_000;
/** The UI calls the count "Solved recently": the last 7 days. */
export const SOLVED_WINDOW_DAYS = 7;

/**
 * The first UTC day (ISO date) of the "solved recently" window at `now`: the last 7 UTC days,
 * today included, so the days from today - 6 on. Solves are counted per UTC day
 * (case_solved_days), so the window is whole days: every day whose start (00:00 UTC) lies within
 * the last 7 × 24 hours. At any moment it covers at least 6 and under 7 days of solves, never a
 * solve older than 7 days (a rolling `now - 7 days` would need the cases themselves).
 */
export function solvedWindowStart(now: Date): string {
  const day = Math.floor(now.getTime() / DAY_MS);
  // Asked on every counts request, and the answer changes once a day: formatting a date each time
  // was 2% of that request's CPU in a profile (docs/performance-history.md, 2026-12-09).
  if (day !== lastWindow.day) {
    lastWindow = {
      day,
      start: new Date((day - (SOLVED_WINDOW_DAYS - 1)) * DAY_MS).toISOString().slice(0, 10),
    };
  }
  return lastWindow.start;
}
let lastWindow = { day: Number.NaN, start: '' };

/**
 * The sidebar's queue counts for this staff member, from counters, never a scan of cases; the
 * workspace's counters are read once for all its staff while nothing changes
 * (infra/workspace-cache.ts, keyed by the window's first day, kept at most COUNTS_KEEP_MS).
 */
export async function queueCounts(deps: Deps, cache: WorkspaceCache<WorkspaceCounters>, actor: StaffActor) {
  const day = solvedWindowStart(deps.clock.now());
  const counters = await cache.get(actor.workspaceId, day, () =>
    workspaceCountersOf(deps.db, actor.workspaceId, day),
  );
  return countsFor(actor.staffId, counters);
}
