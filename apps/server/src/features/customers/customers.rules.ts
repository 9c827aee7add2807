/** Addresses are compared lowercased and trimmed: mail systems treat the domain case-blind and
 * people mistype the local part's case far more often than they rely on it. */
export const normaliseAddress = (email: string): string => email.trim().toLowerCase();

/** Every address of a customer, primary first, lowercased and without repeats. */
export function addressSet(primary: string, extras: readonly string[] = []): string[] {
  const all = [primary, ...extras].map(normaliseAddress).filter((e) => e.length > 0);
  return [...new Set(all)];
}

/** What an update does to the stored addresses: which to insert and which to drop. */
export function addressDiff(current: readonly string[], wanted: readonly string[]) {
  const have = new Set(current);
  const want = new Set(wanted);
  return {
    add: wanted.filter((e) => !have.has(e)),
    remove: current.filter((e) => !want.has(e)),
  };
}

/**
 * The addresses a customer should have after an update. `emails`, when given, is the whole set;
 * otherwise a new primary joins the old addresses, so mail from the old one still finds them.
 */
export function addressesAfterUpdate(
  current: { email: string; emails: readonly string[] },
  patch: { email?: string; emails?: readonly string[] },
): { email: string; emails: string[] } {
  const email = normaliseAddress(patch.email ?? current.email);
  const extras = patch.emails ?? current.emails;
  return { email, emails: addressSet(email, extras) };
}

/** The domain part of an address, or null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 0 || at === email.length - 1) return null;
  return normaliseAddress(email.slice(at + 1));
}

/** A readable name for someone known only by address: "jane.o-neil+shop@x" -> "Jane O Neil". */
export function nameFromAddress(email: string): string {
  const local = email.trim().split('@')[0]?.split('+')[0] ?? '';
  const words = local
    .split(/[._\-\s]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
  const name = words.join(' ').slice(0, 200).trim();
  return name || email.trim().slice(0, 200) || 'Customer';
}

/**
 * Picks the organisation whose domain is the address's domain. Only an unambiguous match links:
 * two organisations claiming one domain is a data problem a person should resolve, not a coin toss.
 */
export function organisationForDomain<T extends { id: string; domain: string | null }>(
  orgs: readonly T[],
  email: string,
): T | null {
  const domain = emailDomain(email);
  if (!domain) return null;
  const matches = orgs.filter((o) => o.domain !== null && normaliseAddress(o.domain) === domain);
  return matches.length === 1 ? matches[0]! : null;
}

/** Escapes LIKE wildcards so a search for "50%_off" means those characters literally. */
export const likeContains = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * How to run a customer search: a whole address is an exact lookup on the (workspace_id, email)
 * key; anything else is a contains-match on names and addresses while walking the name index.
 */
export function searchPlan(q: string | undefined):
  | { kind: 'all' }
  | { kind: 'address'; email: string }
  | {
      kind: 'text';
      pattern: string;
    } {
  const text = q?.trim() ?? '';
  if (!text) return { kind: 'all' };
  if (ADDRESS.test(text)) return { kind: 'address', email: normaliseAddress(text) };
  return { kind: 'text', pattern: likeContains(text) };
}

/** A keyset position: the sort key of the last row seen and its id as the tie-breaker. */
export type Cursor = { key: string | number; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cursors are opaque to clients (base64url JSON) so the sort can change without breaking them. */
export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify([c.key, c.id])).toString('base64url');

/** The position a cursor names, or null when it was not made by encodeCursor. */
export function decodeCursor(raw: string): Cursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [key, id] = v as unknown[];
    if (typeof id !== 'string' || !UUID.test(id)) return null;
    if (typeof key === 'string' || (typeof key === 'number' && Number.isSafeInteger(key))) return { key, id };
    return null;
  } catch {
    return null;
  }
}

/**
 * Turns limit+1 fetched rows into a page: the extra row only proves there is more, and the cursor
 * points at the last row actually returned.
 */
export function toPage<T>(rows: readonly T[], limit: number, position: (row: T) => Cursor) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const next_cursor = rows.length > limit && last ? encodeCursor(position(last)) : null;
  return { items, next_cursor };
}
