export { forgetSessions } from './sessions.cache.ts';
export { presentSession } from './sessions.present.ts';
export { sessionsRoutes, setSessionCookie, signInRateLimit } from './sessions.routes.ts';
export {
  authenticate,
  createSession,
  currentUser,
  revokeStaffSessions,
  SESSION_COOKIE,
} from './sessions.service.ts';
