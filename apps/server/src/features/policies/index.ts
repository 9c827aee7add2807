export { type DemoPolicySet, seedDemoPolicies } from './demo.service.ts';
export { policiesRoutes } from './policies.routes.ts';
