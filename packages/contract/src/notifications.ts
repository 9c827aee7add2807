import { Id, PageQuery, Timestamp } from './common.ts';
import { z } from './zod.ts';

/** One in-app notification of the signed-in staff member. */
export const StaffNotification = z.object({
  id: Id,
  /** What raised it: `sla_warning`, `sla_breached`, `automation`, ... */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** The case it is about (number and subject as they are now), or null. */
  case: z.object({ id: Id, number: z.number().int(), subject: z.string() }).nullable(),
  data: z.record(z.string(), z.unknown()),
  created_at: Timestamp,
  /** null while unread. */
  read_at: Timestamp.nullable(),
});
export type StaffNotification = z.infer<typeof StaffNotification>;

export const NotificationListQuery = PageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** `true`: unread ones only. */
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** Newest first; `unread` counts all of the person's unread notifications, not just this page. */
export const NotificationList = z.object({
  items: z.array(StaffNotification),
  next_cursor: z.string().nullable(),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

/** After marking notifications read: how many were newly marked, and how many remain unread. */
export const NotificationsRead = z.object({ marked: z.number().int(), unread: z.number().int() });
export type NotificationsRead = z.infer<typeof NotificationsRead>;
