import { ApiError } from '../../lib/api.ts';

/** The list of problems the server found with a policy (400 invalid_policy or validation_failed). */
export function serverProblems(err: unknown): string[] {
  if (!(err instanceof ApiError)) return [];
  const errors = err.problem?.errors as unknown;
  if (errors && typeof errors === 'object' && Array.isArray((errors as { problems?: unknown }).problems))
    return (errors as { problems: unknown[] }).problems.map(String);
  if (Array.isArray(errors))
    return errors.map((e: { path?: unknown; message?: unknown }) =>
      [e.path, e.message].filter((x) => typeof x === 'string' && x).join(': '),
    );
  return [];
}
