export { NotificationBell } from './NotificationBell.tsx';
export { NOTIFICATIONS_KEY } from './useNotifications.ts';
