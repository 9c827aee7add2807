import { z } from './zod.ts';

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

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is HH:MM (24 hours)');

/** A time zone the runtime knows (IANA name, e.g. Europe/London). */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone');

/** One shift of a weekday (0 Sunday … 6 Saturday), local wall time; an end at or before the start runs past midnight. */
export const ShiftHours = z.object({ day: z.number().int().min(0).max(6), start: HHMM, end: HHMM });

/** An agent's weekly shifts in their time zone. */
export const ShiftSchedule = z.object({ time_zone: TimeZone, weekly: z.array(ShiftHours).max(50) });
export type ShiftSchedule = z.infer<typeof ShiftSchedule>;

/** A team's rule that gives its cases a required skill: a tag on the case, or the customer's language. */
export const SkillRule = z.object({
  when: z.enum(['tag', 'language']),
  value: z.string().trim().toLowerCase().min(1).max(60),
  skill: Skill,
});
export type SkillRule = z.infer<typeof SkillRule>;

/** How a team's new cases reach its agents. */
export const TeamRouting = z.object({
  team_id: z.string(),
  mode: AssignmentMode,
  /** Open cases an agent may hold before routing passes them by (unless their own capacity is set). */
  default_capacity: z.number().int(),
  /** The rolling window, in hours, over which difficult cases are shared fairly. */
  difficult_window_hours: z.number().int(),
  /** Rules that give the team's cases required skills (tags naming a skill count without a rule). */
  skill_rules: z.array(SkillRule),
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
  skill_rules: z.array(SkillRule).max(100).optional(),
});

export const AgentRouting = z.object({
  staff_id: z.string(),
  name: z.string(),
  availability: Availability,
  /** null: the team's default capacity applies. */
  capacity: z.number().int().nullable(),
  skills: z.array(z.string()),
  /** null: no schedule, on shift whenever online. */
  schedule: ShiftSchedule.nullable(),
  /** Whether the schedule has the agent on shift now (always true without a schedule). */
  on_shift: z.boolean(),
  /** Open cases assigned to the agent now. */
  open_cases: z.number().int(),
  /** Difficult cases routed to the agent in the last 24 hours. */
  difficult_today: z.number().int(),
});
export type AgentRouting = z.infer<typeof AgentRouting>;

export const AgentRoutingUpdate = z.object({
  capacity: z.number().int().min(1).max(1000).nullable().optional(),
  skills: z.array(Skill).max(50).optional(),
  /** null removes the schedule (on shift whenever online). */
  schedule: ShiftSchedule.nullable().optional(),
});

/** Teams' modes and every agent's routing settings, for the admin page. */
export const RoutingOverview = z.object({
  teams: z.array(TeamRouting.extend({ name: z.string(), member_ids: z.array(z.string()) })),
  agents: z.array(AgentRouting),
});
export type RoutingOverview = z.infer<typeof RoutingOverview>;

export const AvailabilityBody = z.object({ status: Availability });
export type AvailabilityBody = z.infer<typeof AvailabilityBody>;
