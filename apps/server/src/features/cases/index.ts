export { listCases } from './case-list.service.ts';
export { moveCasesToCustomer } from './case-move.service.ts';
export { getCase } from './case-view.service.ts';
export { casesRoutes } from './cases.routes.ts';
export { canTransition } from './cases.rules.ts';
export { addMessage, addMessageIn, openCase, updateCase, updateCaseIn } from './cases.service.ts';
export { addChannelMessage, openChannelCase, recordStoredAttachment } from './channel.service.ts';
