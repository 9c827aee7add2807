import type * as C from '@fairdesk/contract';
import type { z } from 'zod';

export type StaffNotification = z.output<typeof C.StaffNotification>;
export type NotificationList = z.output<typeof C.NotificationList>;
export type NotificationsRead = z.output<typeof C.NotificationsRead>;
