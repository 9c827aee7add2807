export { seedDemoRouting } from './routing.demo.ts';
export { routingAssignJob } from './routing.jobs.ts';
export { routingRoutes } from './routing.routes.ts';
export { routeCase } from './routing.service.ts';
