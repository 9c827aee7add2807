export { notificationsRoutes } from './notifications.routes.ts';
export type { CaseContacts, Colleague } from './notifications.rules.ts';
export {
  markKindsRead,
  type NotificationInput,
  notifyAndName,
  notifyStaffIn,
  whoToTell,
} from './notifications.service.ts';
