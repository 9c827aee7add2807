import { z } from 'zod';

export const AssignmentMode = z.enum(['manual', 'round_robin', 'load_balanced']);
export type AssignmentMode = z.infer<typeof AssignmentMode>;
export const Availability = z.enum(['online', 'away', 'offline']);
export type Availability = z.infer<typeof Availability>;

const Skill = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N}_:-]+$/u, 'A skill is one word (letters, digits, - _ :)');

/** How a team's new cases reach its agents. */
export const TeamRouting = z.object({
  team_id: z.string(),
  mode: AssignmentMode,
  /** Open cases an agent may hold before routing passes them by (unless their own capacity is set). */
  default_capacity: z.number().int(),
  /** The rolling window, in hours, over which difficult cases are shared fairly. */
  difficult_window_hours: z.number().int(),
});
export type TeamRouting = z.infer<typeof TeamRouting>;

export const TeamRoutingUpdate = z.object({
  mode: AssignmentMode,
  default_capacity: z.number().int().min(1).max(1000).optional(),
  difficult_window_hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
});

export const AgentRouting = z.object({
  staff_id: z.string(),
  name: z.string(),
  availability: Availability,
  /** null: the team's default capacity applies. */
  capacity: z.number().int().nullable(),
  skills: z.array(z.string()),
  /** Open cases assigned to the agent now. */
  open_cases: z.number().int(),
  /** Difficult cases routed to the agent in the last 24 hours. */
  difficult_today: z.number().int(),
});
export type AgentRouting = z.infer<typeof AgentRouting>;

export const AgentRoutingUpdate = z.object({
  capacity: z.number().int().min(1).max(1000).nullable().optional(),
  skills: z.array(Skill).max(50).optional(),
});

/** Teams' modes and every agent's routing settings, for the admin page. */
export const RoutingOverview = z.object({
  teams: z.array(TeamRouting.extend({ name: z.string(), member_ids: z.array(z.string()) })),
  agents: z.array(AgentRouting),
});
export type RoutingOverview = z.infer<typeof RoutingOverview>;

export const AvailabilityBody = z.object({ status: Availability });
export type AvailabilityBody = z.infer<typeof AvailabilityBody>;
