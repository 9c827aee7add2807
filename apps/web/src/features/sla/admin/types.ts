import type * as C from '@fairdesk/contract';
import type { z } from 'zod';

// Wire shapes of the service-level admin, from the contract the server validates with.
export type BusinessCalendar = z.output<typeof C.BusinessCalendar>;
export type CalendarInput = z.input<typeof C.CalendarInput>;
export type CalendarPreview = z.output<typeof C.CalendarPreview>;
export type WeeklyInterval = z.output<typeof C.WeeklyInterval>;
export type HolidayCountry = z.output<typeof C.HolidayCountry>;
export type SlaPolicy = z.output<typeof C.SlaPolicy>;
export type SlaPolicyInput = z.output<typeof C.SlaPolicyInput>;
export type SlaTargets = z.output<typeof C.SlaTargets>;
export type SlaRecompute = z.output<typeof C.SlaRecompute>;
