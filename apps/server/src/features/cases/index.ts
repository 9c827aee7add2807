export { moveCasesToCustomer } from './case-move.service.ts';
export { getCase, listCases } from './case-view.service.ts';
export { casesRoutes } from './cases.routes.ts';
export { canTransition } from './cases.rules.ts';
export { addMessage, addMessageIn, openCase, updateCase, updateCaseIn } from './cases.service.ts';
export { addChannelMessage, openChannelCase, recordStoredAttachment } from './channel.service.ts';
export type { WorkspaceCounters } from './counts.rules.ts';
export { createCountsCache } from './counts-cache.ts';
