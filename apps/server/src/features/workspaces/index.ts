export { workspacesRoutes } from './workspaces.routes.ts';
export { slugify } from './workspaces.rules.ts';
export {
  createWorkspace,
  findDemoWorkspace,
  markDemoWorkspace,
  takeCaseNumber,
} from './workspaces.service.ts';
