export { seedDemoMailbox } from './admin.service.ts';
export { emailProcessJob, emailReplyJob, emailSendJob } from './email.jobs.ts';
export { emailRoutes } from './email.routes.ts';
export { processInbound, storeInbound } from './inbound.service.ts';
export { type InboundSmtp, startInboundSmtp } from './inbound-smtp.ts';
export { queueReply, sendOutgoing } from './outbound.service.ts';
