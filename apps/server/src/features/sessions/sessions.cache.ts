import type { Deps } from '../../deps.ts';
import type { SessionLookup } from './sessions.queries.ts';
import { isCachedSessionFresh } from './sessions.rules.ts';

// Every authenticated request resolved its token with a round trip to PostgreSQL, the same row for
// the same token hundreds of times a second under load: on the sidebar counts that lookup was a
// third of the request's cost (docs/decisions.md, 2026-11-25). So each app keeps the sessions it
// resolved in the last SESSION_CACHE_MS. A change made through this process (sign-out, a staff
// member edited, a customer merged away) empties the cache after its commit, so it counts from the
// next request; a change made elsewhere (another app process, SQL by hand) counts within the TTL.

type Entry = { session: SessionLookup; at: number };

/** Past this many tokens the oldest entries go: a burst of distinct tokens cannot grow memory. */
const MAX_ENTRIES = 10_000;

// One cache per database handle, so apps on different databases in one process (the tests) never
// share entries. `generation` counts the times it was emptied: a lookup that started before a
// sign-out may return the row the sign-out then deleted, and must not put it back.
type Cache = { entries: Map<string, Entry>; generation: number };
const caches = new WeakMap<object, Cache>();

const cacheOf = (deps: Pick<Deps, 'db'>) => {
  let cache = caches.get(deps.db);
  if (!cache) {
    cache = { entries: new Map(), generation: 0 };
    caches.set(deps.db, cache);
  }
  return cache;
};

/** Taken before a lookup, handed to rememberSession with its result. */
export const sessionCacheGeneration = (deps: Pick<Deps, 'db'>): number => cacheOf(deps).generation;

/** The session of a token hash resolved within the TTL, if any. */
export function cachedSession(deps: Pick<Deps, 'db' | 'config'>, key: string): SessionLookup | undefined {
  const ttl = deps.config.SESSION_CACHE_MS;
  if (ttl === 0) return undefined;
  const { entries } = cacheOf(deps);
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (isCachedSessionFresh(entry.at, performance.now(), ttl)) return entry.session;
  entries.delete(key);
  return undefined;
}

/**
 * Keeps a session found in the database (unknown tokens are never kept), unless the cache was
 * emptied since `generation` was taken: the row may predate what emptied it.
 */
export function rememberSession(
  deps: Pick<Deps, 'db' | 'config'>,
  key: string,
  session: SessionLookup,
  generation: number,
) {
  if (deps.config.SESSION_CACHE_MS === 0) return;
  const cache = cacheOf(deps);
  if (cache.generation !== generation) return;
  const { entries } = cache;
  if (entries.size >= MAX_ENTRIES) {
    for (const oldest of entries.keys()) {
      entries.delete(oldest);
      if (entries.size < MAX_ENTRIES / 2) break;
    }
  }
  entries.set(key, { session, at: performance.now() });
}

/**
 * Forgets every cached session: call it after committing anything that ends a session or changes
 * what one may do (its staff member's role or standing, its customer's existence).
 */
export function forgetSessions(deps: Pick<Deps, 'db'>): void {
  const cache = cacheOf(deps);
  cache.entries.clear();
  cache.generation++;
}
