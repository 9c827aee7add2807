import { CaseCreate, MagicLinkRequest, MessageCreate } from '@fairdesk/contract';
import type { z } from 'zod';

// Field checks with the same schemas the server validates with, said in words.
type Issue = z.core.$ZodIssue;

const say = (
  issue: Issue | undefined,
  words: { empty: string; long: (max: number) => string; other?: string },
) => {
  if (!issue) return null;
  if (issue.code === 'too_small') return words.empty;
  if (issue.code === 'too_big') return words.long(Number(issue.maximum));
  return words.other ?? issue.message;
};

export function emailError(email: string): string | null {
  if (!email.trim()) return 'Enter your email address';
  const r = MagicLinkRequest.shape.email.safeParse(email.trim());
  return r.success ? null : 'Enter an email address like name@example.com';
}

export type CaseFormErrors = { subject?: string; body?: string; attachments?: string };

export function caseFormErrors(v: {
  subject: string;
  body: string;
  attachment_ids: string[];
}): CaseFormErrors {
  const r = CaseCreate.safeParse(v);
  if (r.success) return {};
  const find = (field: string) => r.error.issues.find((i) => i.path[0] === field);
  const errors: CaseFormErrors = {};
  const subject = say(find('subject'), {
    empty: 'Write a subject: a few words about what happened',
    long: (n) => `Keep the subject under ${n} characters`,
  });
  const body = say(find('body'), {
    empty: 'Describe what happened, so we can help',
    long: (n) => `The description is too long: keep it under ${n.toLocaleString('en')} characters`,
  });
  const files = say(find('attachment_ids'), { empty: '', long: (n) => `Attach at most ${n} files` });
  if (subject) errors.subject = subject;
  if (body) errors.body = body;
  if (files) errors.attachments = files;
  return errors;
}

export function replyError(body: string, attachmentCount: number): string | null {
  const r = MessageCreate.shape.body.safeParse(body);
  if (r.success) return attachmentCount > 20 ? 'Attach at most 20 files' : null;
  return say(r.error.issues[0], {
    empty: 'Write your message first',
    long: (n) => `The message is too long: keep it under ${n.toLocaleString('en')} characters`,
  });
}
