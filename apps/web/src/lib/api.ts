import type { Problem } from '@fairdesk/contract';

/** An answer from the API that was not a success, with the server's words and stable reason. */
export class ApiError extends Error {
  readonly status: number;
  readonly reason: string;
  readonly problem: Problem | null;
  constructor(status: number, problem: Problem | null) {
    super(problem?.detail ?? `The server answered ${status}`);
    this.status = status;
    this.reason = problem?.reason ?? 'unknown';
    this.problem = problem;
  }
}

type Options = { method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; body?: unknown; signal?: AbortSignal };

/** Calls /api/v1 with the session cookie; throws ApiError with the problem+json on failure. */
export async function api<T>(path: string, opts: Options = {}): Promise<T> {
  const isForm = opts.body instanceof FormData;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: opts.method ?? 'GET',
      credentials: 'same-origin',
      headers: opts.body !== undefined && !isForm ? { 'content-type': 'application/json' } : {},
      body:
        opts.body === undefined ? undefined : isForm ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, {
      type: '',
      title: 'Offline',
      status: 0,
      detail: 'Fairdesk cannot be reached. Check your connection and try again.',
      code: 'network',
      reason: 'network',
      request_id: '',
    });
  }
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body as Problem | null);
  return body as T;
}

/** Words a person can read for any error. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return 'Something went wrong. Please try again.';
  return String(err);
}

export const qs = (params: Record<string, string | number | undefined | null>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const str = s.toString();
  return str ? `?${str}` : '';
};
