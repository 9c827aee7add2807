import { Email, Id, StaffRole, Text, Timestamp } from './common.ts';
import { z } from './zod.ts';

export const TeamRef = z.object({ id: Id, name: z.string() });

export const Staff = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: StaffRole,
  active: z.boolean(),
  /** No password set yet: the person has an invitation to accept (an admin may resend it). */
  invitation_pending: z.boolean(),
  teams: z.array(TeamRef),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Staff = z.infer<typeof Staff>;

/** The staff directory is small by nature, so it is one bounded list (at most 500, by name). */
export const StaffList = z.object({ items: z.array(Staff) });

export const StaffListQuery = z.object({
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  role: StaffRole.optional(),
  team_id: Id.optional(),
});

export const StaffCreate = z.object({
  email: Email,
  name: Text(200),
  role: StaffRole.default('agent'),
  /** Without a password, the person is emailed an invitation link (valid 7 days) to set their own. */
  password: z.string().min(8).max(200).optional(),
  team_ids: z.array(Id).max(50).default([]),
});
export const StaffUpdate = z
  .object({
    name: Text(200),
    role: StaffRole,
    active: z.boolean(),
    password: z.string().min(8).max(200),
    team_ids: z.array(Id).max(50),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Give at least one field to change');

export const Team = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  member_ids: z.array(Id),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Team = z.infer<typeof Team>;
export const TeamList = z.object({ items: z.array(Team) });

export const TeamCreate = z.object({
  name: Text(120),
  description: z.string().max(2000).default(''),
  member_ids: z.array(Id).max(500).default([]),
});
/** `member_ids` replaces the whole membership. */
export const TeamUpdate = z
  .object({ name: Text(120), description: z.string().max(2000), member_ids: z.array(Id).max(500) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Give at least one field to change');

/** The empty body of a 204 answer. */
export const NoContent = z.null().describe('No content');

/** Redeems the link of an invitation email: sets the password and signs in (201 SessionCreated). */
export const InvitationAccept = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(8).max(200),
});
