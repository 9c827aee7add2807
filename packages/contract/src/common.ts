import { z } from './zod.ts';

export const Id = z.uuid();
export const Timestamp = z.iso.datetime({ offset: true });
export const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

export const StaffRole = z.enum(['agent', 'supervisor', 'manager', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  reason: z.string(),
  request_id: z.string(),
  errors: z.unknown().optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Keyset pagination: `cursor` is opaque; pass `next_cursor` back to get the next page. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable() });

export const IdParams = z.object({ id: Id });

/** Text a person typed: trimmed, and never empty once trimmed. */
export const Text = (max: number) => z.string().trim().min(1).max(max);
