export { type DemoAutomations, seedDemoAutomations } from './automations.demo.ts';
export { automationRunJob, automationSweepJob } from './automations.jobs.ts';
export { automationsRoutes } from './automations.routes.ts';
export { sweepSchedules } from './schedule.service.ts';
export { runAutomationsForEvent } from './trigger.service.ts';
