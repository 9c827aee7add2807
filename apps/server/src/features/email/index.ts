export { seedDemoMailbox } from './admin.service.ts';
export { emailProcessJob, emailReplyJob, emailSendJob } from './email.jobs.ts';
export { emailRoutes } from './email.routes.ts';
export { imapPollJob, imapSweepJob } from './imap.jobs.ts';
export { processInbound, storeInbound } from './inbound.service.ts';
export { type InboundSmtp, startInboundSmtp } from './inbound-smtp.ts';
export { notifyDecisionJob, notifyReceivedJob, notifyReplyJob } from './notify.jobs.ts';
export { queueReply, sendOutgoing } from './outbound.service.ts';
export { emailTemplatesRoutes } from './templates.routes.ts';
