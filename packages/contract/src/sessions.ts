import { Email, Id, StaffRole, Timestamp } from './common.ts';
import { z } from './zod.ts';

export const SignIn = z.object({
  email: Email,
  password: z.string().min(1).max(200),
  /** The workspace slug; needed only when the same email signs in to more than one workspace. */
  workspace: z.string().max(63).optional(),
});

export const StaffUser = z.object({
  kind: z.literal('staff'),
  id: Id,
  workspace_id: Id,
  workspace_name: z.string(),
  name: z.string(),
  email: z.string(),
  role: StaffRole,
});
export const CustomerUser = z.object({
  kind: z.literal('customer'),
  id: Id,
  workspace_id: Id,
  workspace_name: z.string(),
  name: z.string(),
  email: z.string(),
});
export const CurrentUser = z.discriminatedUnion('kind', [StaffUser, CustomerUser]);
export type CurrentUser = z.infer<typeof CurrentUser>;

export const SessionCreated = z.object({ token: z.string(), expires_at: Timestamp, user: CurrentUser });

/** Without `workspace`, a link is sent for every workspace where the address is a customer. */
export const MagicLinkRequest = z.object({ email: Email, workspace: z.string().max(63).optional() });
export const MagicLinkRedeem = z.object({ token: z.string().min(20).max(200) });
export const Accepted = z.object({ message: z.string() });
