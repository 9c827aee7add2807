import { CaseStatus } from './cases.ts';
import { Id, Text, Timestamp } from './common.ts';
import { z } from './zod.ts';

// Admin of business calendars and SLA policies. Checks that need data the contract cannot hold
// (time zones, holiday countries, overlapping hours, known condition fields) are the server's,
// answered with a stable `reason`.

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is HH:MM, 00:00 to 23:59');
const IsoDate = z.iso.date();

/** One opening on a weekday (0 Sunday … 6 Saturday); an end at or before the start runs past midnight. */
export const WeeklyInterval = z.object({ day: z.number().int().min(0).max(6), start: HHMM, end: HHMM });
export type WeeklyInterval = z.infer<typeof WeeklyInterval>;

export const CalendarInput = z.object({
  name: Text(120),
  /** An IANA time zone, e.g. Europe/London. */
  time_zone: z.string().trim().min(1).max(64),
  weekly: z.array(WeeklyInterval).max(70),
  /** ISO 3166 country whose public holidays close the desk (date-holidays), e.g. GB. */
  holiday_country: z.string().trim().toUpperCase().min(2).max(3).nullable().default(null),
  /** A region of that country as date-holidays names it, e.g. ENG. */
  holiday_region: z.string().trim().toUpperCase().min(1).max(10).nullable().default(null),
  /** Extra local dates when the desk is closed. */
  closures: z.array(IsoDate).max(366).default([]),
});
export type CalendarInput = z.input<typeof CalendarInput>;
export type CalendarFields = z.output<typeof CalendarInput>;

export const BusinessCalendar = z.object({
  id: Id,
  /** null: the workspace's calendar, used by every team without its own. */
  team: z.object({ id: Id, name: z.string() }).nullable(),
  name: z.string(),
  time_zone: z.string(),
  weekly: z.array(WeeklyInterval),
  holiday_country: z.string().nullable(),
  holiday_region: z.string().nullable(),
  closures: z.array(z.string()),
  updated_at: Timestamp,
});
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;
export const CalendarList = z.object({ items: z.array(BusinessCalendar) });

/** `workspace` or a team id. */
export const CalendarScopeParams = z.object({ scope: z.union([z.literal('workspace'), Id]) });
export const TeamIdParams = z.object({ teamId: Id });

/** What a change queued: open cases' due times follow in the background. */
export const SlaRecompute = z.object({ open_cases: z.number().int() });

export const CalendarSaved = z.object({ calendar: BusinessCalendar, recompute: SlaRecompute });
export const SlaRecomputeOnly = z.object({ recompute: SlaRecompute });

export const CalendarPreviewQuery = z.object({ days: z.coerce.number().int().min(1).max(31).default(7) });
export const CalendarPreview = z.object({
  time_zone: z.string(),
  /** The coming local days from today, each with its hours or why it is closed. */
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number().int(),
      closed: z.enum(['holiday', 'closure']).nullable(),
      holiday_name: z.string().nullable(),
      hours: z.array(z.object({ start: z.string(), end: z.string() })),
    }),
  ),
  /** The next public holidays and closures, soonest first. */
  upcoming: z.array(z.object({ date: z.string(), kind: z.enum(['holiday', 'closure']), name: z.string() })),
});
export type CalendarPreview = z.infer<typeof CalendarPreview>;

export const HolidayCountry = z.object({ code: z.string(), name: z.string() });
export const HolidayCountries = z.object({ items: z.array(HolidayCountry) });
export const HolidayCountryParams = z.object({ country: z.string().trim().toUpperCase().min(2).max(3) });

export const SlaTargetSpec = z.object({
  /** Minutes of running time allowed, up to a year. */
  minutes: z.number().int().min(1).max(525_600),
  /** Counted in the calendar's business hours (true) or around the clock. */
  business: z.boolean(),
});
export const SlaTargets = z
  .object({
    first_response: SlaTargetSpec.optional(),
    next_response: SlaTargetSpec.optional(),
    resolution: SlaTargetSpec.optional(),
  })
  .refine((t) => Object.values(t).some(Boolean), 'Set at least one target');
export type SlaTargets = z.infer<typeof SlaTargets>;

/** JSONLogic over { priority, channel, organisation_id, tags, team_id }; `true` matches every case. */
export const SlaConditions = z
  .union([z.boolean(), z.record(z.string(), z.unknown())])
  .refine((v) => JSON.stringify(v).length <= 20_000, 'The condition is too large');

export const SlaPolicyInput = z.object({
  name: Text(120),
  conditions: SlaConditions.default(true),
  targets: SlaTargets,
  /** Statuses that stop the clock (solved and closed always stop it). */
  pause_statuses: z.array(CaseStatus).max(6).default(['pending', 'on_hold']),
  warn_before_minutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  raise_priority_on_breach: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type SlaPolicyInput = z.input<typeof SlaPolicyInput>;
export type SlaPolicyFields = z.output<typeof SlaPolicyInput>;

export const SlaPolicy = z.object({
  id: Id,
  name: z.string(),
  position: z.number().int(),
  conditions: z.unknown(),
  targets: SlaTargets,
  pause_statuses: z.array(CaseStatus),
  warn_before_minutes: z.number().int(),
  raise_priority_on_breach: z.boolean(),
  active: z.boolean(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;
export const SlaPolicyList = z.object({ items: z.array(SlaPolicy) });
export const SlaPolicySaved = z.object({ policy: SlaPolicy, recompute: SlaRecompute });
export const SlaPolicyOrder = z.object({ ids: z.array(Id).min(1).max(500) });
export const SlaPolicyListSaved = SlaPolicyList.extend({ recompute: SlaRecompute });
