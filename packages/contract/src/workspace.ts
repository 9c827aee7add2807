import { Id, Text, Timestamp } from './common.ts';
import { z } from './zod.ts';

export const Workspace = z.object({
  id: Id,
  slug: z.string(),
  name: z.string(),
  time_zone: z.string(),
  languages: z.array(z.string()),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export const WorkspaceUpdate = z
  .object({
    name: Text(200),
    time_zone: z.string().refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'Not a known IANA time zone'),
    languages: z
      .array(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/))
      .min(1)
      .max(20),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Give at least one field to change');

export const AuditVerification = z.object({
  intact: z.boolean(),
  events_checked: z.number().int(),
  last_seq: z.number().int(),
  /** The first event whose hash or link does not match, when the chain is broken. */
  first_broken_seq: z.number().int().nullable(),
  verified_at: Timestamp,
});
