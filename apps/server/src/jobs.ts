import type { CasePriority } from '@fairdesk/contract';
import type { Task } from 'graphile-worker';
import type { Deps } from './deps.ts';
import { updateCase } from './features/cases/index.ts';
import { customerImportJob } from './features/customers/index.ts';
import { emailProcessJob, emailReplyJob, emailSendJob } from './features/email/index.ts';
import { routingAssignJob } from './features/routing/index.ts';
import { type RaisePriority, slaRecomputeJob, slaSweepJob, slaTimerJob } from './features/sla/index.ts';

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
    'customers.import': customerImportJob(deps),
    'email.process': emailProcessJob(deps),
    'email.reply': emailReplyJob(deps),
    'email.send': emailSendJob(deps),
    'routing.assign': routingAssignJob(deps),
    'sla.recompute': slaRecomputeJob(deps),
    'sla.timer': slaTimerJob(deps, raise),
    'sla.sweep': slaSweepJob(deps, raise),
  };
}
