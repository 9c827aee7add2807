export {
  addBusinessMinutes,
  businessMinutesBetween,
  type Calendar,
  isOpen,
  type WeeklyHours,
} from './business-hours.rules.ts';
export { seedDemoSla } from './sla.demo.ts';
export { SWEEP_EVERY_MINUTES, slaRecomputeJob, slaSweepJob, slaTimerJob } from './sla.jobs.ts';
export {
  type CaseSlaView,
  caseSla,
  fireSlaTimers,
  type RaisePriority,
  recomputeCaseSla,
  sweepSla,
} from './sla.service.ts';
