import type { CasePriority } from '@fairdesk/contract';
import type { Task } from 'graphile-worker';
import type { Deps } from './deps.ts';
import { automationRunJob, automationSweepJob } from './features/automations/index.ts';
import { updateCase } from './features/cases/index.ts';
import { customerImportJob } from './features/customers/index.ts';
import {
  emailProcessJob,
  emailReplyJob,
  emailSendJob,
  imapPollJob,
  imapSweepJob,
  notifyDecisionJob,
  notifyReceivedJob,
  notifyReplyJob,
} from './features/email/index.ts';
import { routingAssignJob, routingDrainJob, routingSweepJob } from './features/routing/index.ts';
import {
  type RaisePriority,
  slaRecomputeJob,
  slaRecomputeOpenJob,
  slaSweepJob,
  slaTimerJob,
} from './features/sla/index.ts';

/** On a breach under a policy that says so, the case's priority goes up, as the system. */
export const raisePriority =
  (deps: Deps): RaisePriority =>
  async (workspaceId, caseId, priority) => {
    await updateCase(deps, { kind: 'system', workspaceId }, caseId, { priority: priority as CasePriority });
  };

/** Job name -> handler. Handlers are idempotent: a job may run again after a crash. */
export function jobs(deps: Deps): Record<string, Task> {
  const raise = raisePriority(deps);
  return {
    'automation.run': automationRunJob(deps),
    'automation.sweep': automationSweepJob(deps),
    'customers.import': customerImportJob(deps),
    'email.process': emailProcessJob(deps),
    'email.reply': emailReplyJob(deps),
    'email.send': emailSendJob(deps),
    'email.imap.poll': imapPollJob(deps),
    'email.imap.sweep': imapSweepJob(deps),
    'email.notify_received': notifyReceivedJob(deps),
    'email.notify_reply': notifyReplyJob(deps),
    'email.notify_decision': notifyDecisionJob(deps),
    'routing.assign': routingAssignJob(deps),
    'routing.drain': routingDrainJob(deps),
    'routing.sweep': routingSweepJob(deps),
    'sla.recompute': slaRecomputeJob(deps),
    'sla.recompute_open': slaRecomputeOpenJob(deps),
    'sla.timer': slaTimerJob(deps, raise),
    'sla.sweep': slaSweepJob(deps, raise),
  };
}
