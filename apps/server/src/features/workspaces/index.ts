export { workspacesRoutes } from './workspaces.routes.ts';
export { slugify } from './workspaces.rules.ts';
export { createWorkspace, findDemoWorkspace, takeCaseNumber } from './workspaces.service.ts';
