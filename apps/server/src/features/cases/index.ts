export { casesRoutes } from './cases.routes.ts';
