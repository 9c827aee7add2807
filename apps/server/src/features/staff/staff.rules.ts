import type { StaffRole } from '@fairdesk/contract';

export type AdminStanding = { role: StaffRole; active: boolean };

export const isActiveAdmin = (s: AdminStanding): boolean => s.role === 'admin' && s.active;

/**
 * A workspace must always keep one active admin, or nobody could manage staff again. A change that
 * takes an active admin out of that standing (demotion or deactivation) is refused when they are
 * the last one. `activeAdmins` counts the active admins before the change, this person included.
 */
export function keepsAnAdmin(
  before: AdminStanding,
  after: AdminStanding,
  activeAdmins: number,
): { ok: true } | { ok: false; reason: 'last_admin' } {
  if (!isActiveAdmin(before) || isActiveAdmin(after)) return { ok: true };
  return activeAdmins > 1 ? { ok: true } : { ok: false, reason: 'last_admin' };
}

/** Ids once each, sorted, so that sets compare and audit the same however the client ordered them. */
export const idSet = (ids: readonly string[]): string[] => [...new Set(ids)].sort();

/** The wanted ids that were not found. */
export const missingIds = (wanted: readonly string[], found: readonly string[]): string[] => {
  const have = new Set(found);
  return wanted.filter((id) => !have.has(id));
};

/** What to add and remove to turn membership `before` into `after`. */
export function membershipDiff(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  return { added: missingIds(after, before), removed: missingIds(before, after) };
}
