export { drainTeam, sweepWaiting } from './drain.service.ts';
export { seedDemoRouting } from './routing.demo.ts';
export {
  ROUTING_SWEEP_EVERY_MINUTES,
  routingAssignJob,
  routingDrainJob,
  routingSweepJob,
} from './routing.jobs.ts';
export { routingRoutes } from './routing.routes.ts';
export { routeCase } from './routing.service.ts';
