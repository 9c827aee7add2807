export { sealEventsJob } from './audit.jobs.ts';
export { auditRoutes } from './audit.routes.ts';
