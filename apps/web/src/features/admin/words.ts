import { ApiError, errorMessage } from '../../lib/api.ts';

/** Reasons the admin pages put in their own words; anything else keeps the server's words. */
const REASON_WORDS: Record<string, string> = {
  last_admin:
    'The workspace needs at least one active admin. Make someone else an admin first, then try again.',
};

export function explain(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.reason === 'route_not_found') return `The server does not offer this yet (${err.message}).`;
    return REASON_WORDS[err.reason] ?? errorMessage(err);
  }
  return errorMessage(err);
}
