/** Picks the one account a sign-in means, given every account with that email. */
export function pickAccount<T extends { workspace_slug: string }>(
  accounts: T[],
  workspace: string | undefined,
): { ok: true; account: T } | { ok: false; reason: 'no_account' | 'workspace_required' } {
  const candidates = workspace ? accounts.filter((a) => a.workspace_slug === workspace) : accounts;
  if (candidates.length === 0) return { ok: false, reason: 'no_account' };
  if (candidates.length > 1) return { ok: false, reason: 'workspace_required' };
  return { ok: true, account: candidates[0]! };
}

export const sessionExpiry = (now: Date, ttlHours: number): Date =>
  new Date(now.getTime() + ttlHours * 3_600_000);

export const isSessionLive = (expiresAt: Date, now: Date): boolean => expiresAt.getTime() > now.getTime();

/** A session resolved at `at` (ms, monotonic) may be used without asking the database again. */
export const isCachedSessionFresh = (at: number, now: number, ttlMs: number): boolean =>
  now - at >= 0 && now - at < ttlMs;

/** Reads `Authorization: Bearer <token>`; anything else is not a bearer token. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  return match ? match[1]! : null;
}
