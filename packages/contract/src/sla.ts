import { z } from './zod.ts';

export const SlaTarget = z.enum(['first_response', 'next_response', 'resolution']);
export type SlaTarget = z.infer<typeof SlaTarget>;
export const SlaState = z.enum(['on_track', 'at_risk', 'breached', 'met', 'paused']);
export type SlaState = z.infer<typeof SlaState>;

/** One service-level target of a case: when it is due (null while paused) and how it stands now. */
export const CaseSlaTarget = z.object({
  target: SlaTarget,
  due_at: z.string().nullable(),
  state: SlaState,
});
export type CaseSlaTarget = z.infer<typeof CaseSlaTarget>;
