import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../lib/api.ts';

/** Messages by field name; '' holds what belongs to the form as a whole. */
export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

const DEFAULT_PREFIXES = [
  'Invalid input',
  'Invalid string',
  'Too small',
  'Too big',
  'Invalid option',
  'Invalid',
];

/** The contract's words when it has its own, otherwise a sentence a person can act on. */
export function issueWords(issue: Issue): string {
  const own = !DEFAULT_PREFIXES.some((p) => issue.message.startsWith(p));
  if (own) return issue.message;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'Required' : `At least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `Choose at least ${issue.minimum}`;
      return `At least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `At most ${issue.maximum} characters`;
      return `At most ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'An email address such as name@example.com';
      if (issue.format === 'uuid') return 'Choose one from the list';
      return 'This is not in the expected format';
    case 'invalid_type':
      return 'Required';
    case 'invalid_value':
      return 'Choose one of the options';
    default:
      return issue.message;
  }
}

/** One message per top-level field (an item of a list is reported on the list). */
export function issuesByField(issues: readonly Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) out[issue.path.length ? String(issue.path[0]) : ''] ??= issueWords(issue);
  return out;
}

/** The server's own validation answer (400 validation_failed) mapped onto the same fields. */
export function serverFieldErrors(err: unknown): FieldErrors {
  if (!(err instanceof ApiError) || !Array.isArray(err.problem?.errors)) return {};
  const out: FieldErrors = {};
  for (const e of err.problem.errors as { path?: unknown; message?: unknown }[]) {
    if (typeof e.path !== 'string' || typeof e.message !== 'string') continue;
    const field = e.path.replace(/^body\/?/, '').split('/')[0] ?? '';
    out[field] ??= e.message;
  }
  return out;
}

/**
 * Form state checked with a contract schema: `check(input)` runs `safeParse` and, when it fails,
 * puts each issue beside its field. Editing a field clears its message.
 */
export function useSchemaForm<V extends Record<string, unknown>>(initial: V) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof V & string>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (e[key] || e[''] ? { ...e, [key]: '', '': '' } : e));
  };
  const text = <K extends keyof V & string>(key: K) => ({
    value: String(values[key] ?? ''),
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value as V[K]),
    error: errors[key] || undefined,
  });
  function check<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null {
    const r = schema.safeParse(input);
    if (r.success) {
      setErrors({});
      return r.data;
    }
    setErrors(issuesByField(r.error.issues));
    return null;
  }
  const fromServer = (err: unknown) => setErrors(serverFieldErrors(err));
  const reset = (v: V) => {
    setValues(v);
    setErrors({});
  };
  return { values, set, text, errors, check, fromServer, reset };
}

/** The fields whose value differs from the original (arrays compared by content). */
export function changed<V extends Record<string, unknown>>(before: V, after: V): Partial<V> {
  const out: Partial<V> = {};
  for (const k of Object.keys(after) as (keyof V)[]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = after[k];
  }
  return out;
}
