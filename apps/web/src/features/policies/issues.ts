import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

const GENERIC = ['Invalid input', 'Invalid string', 'Too small', 'Too big', 'Invalid option', 'Invalid'];

/** The contract's own words when it has them, otherwise a sentence a person can act on. */
function words(issue: z.core.$ZodIssue): string {
  if (!GENERIC.some((p) => issue.message.startsWith(p))) return issue.message;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return 'Required';
      if (issue.origin === 'array') return `Give at least ${issue.minimum}`;
      return `At least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `At most ${issue.maximum} characters`;
      return `At most ${issue.maximum}`;
    case 'invalid_type':
      return 'Required';
    case 'invalid_value':
      return 'Choose one of the options';
    default:
      return issue.message;
  }
}

/** One message per top-level field; '' holds what belongs to the form as a whole. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) out[issue.path.length ? String(issue.path[0]) : ''] ??= words(issue);
  return out;
}
