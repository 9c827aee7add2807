export { assertStaffInWorkspace, assertTeamInWorkspace } from './staff.guards.ts';
export { staffRoutes } from './staff.routes.ts';
export { createStaff } from './staff.service.ts';
export { createTeam } from './teams.service.ts';
