export {
  addBusinessMinutes,
  businessMinutesBetween,
  type Calendar,
  isOpen,
  type WeeklyHours,
} from './business-hours.rules.ts';
export { calendarsRoutes } from './calendars.routes.ts';
export { RECOMPUTE_BATCH, recomputeOpenCases } from './recompute.service.ts';
export { seedDemoSla } from './sla.demo.ts';
export {
  SWEEP_EVERY_MINUTES,
  slaRecomputeJob,
  slaRecomputeOpenJob,
  slaSweepJob,
  slaTimerJob,
} from './sla.jobs.ts';
export {
  type CaseSlaView,
  fireSlaTimers,
  type RaisePriority,
  recomputeCaseSla,
  slaView,
  sweepSla,
} from './sla.service.ts';
export { slaPoliciesRoutes } from './sla-policies.routes.ts';
