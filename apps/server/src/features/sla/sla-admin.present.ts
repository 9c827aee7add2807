import type { BusinessCalendar, SlaPolicy, SlaTargets } from '@fairdesk/contract';
import { isoTime } from '../../infra/iso-time.ts';
import type { WeeklyHours } from './business-hours.rules.ts';
import type { CalendarRow } from './calendars.queries.ts';
import type { PolicyRow } from './sla-policies.queries.ts';

export const presentCalendar = (r: CalendarRow): BusinessCalendar => ({
  id: r.id,
  team: r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null,
  name: r.name,
  time_zone: r.time_zone,
  weekly: r.weekly as WeeklyHours[],
  holiday_country: r.holiday_country,
  holiday_region: r.holiday_region,
  closures: [...r.closures].sort(),
  updated_at: isoTime(r.updated_at),
});

export const presentPolicy = (r: PolicyRow): SlaPolicy => ({
  id: r.id,
  name: r.name,
  position: r.position,
  conditions: r.conditions,
  targets: r.targets as SlaTargets,
  pause_statuses: r.pause_statuses,
  warn_before_minutes: r.warn_before_minutes,
  raise_priority_on_breach: r.raise_priority_on_breach,
  active: r.active,
  created_at: isoTime(r.created_at),
  updated_at: isoTime(r.updated_at),
});
