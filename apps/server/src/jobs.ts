import type { Task } from 'graphile-worker';
import type { Deps } from './deps.ts';
import { customerImportJob } from './features/customers/index.ts';
import { emailProcessJob, emailReplyJob, emailSendJob } from './features/email/index.ts';
import { slaRecomputeJob, slaSweepJob, slaTimerJob } from './features/sla/index.ts';

/** Job name -> handler. Handlers are idempotent: a job may run again after a crash. */
export function jobs(deps: Deps): Record<string, Task> {
  return {
    'customers.import': customerImportJob(deps),
    'email.process': emailProcessJob(deps),
    'email.reply': emailReplyJob(deps),
    'email.send': emailSendJob(deps),
    'sla.recompute': slaRecomputeJob(deps),
    'sla.timer': slaTimerJob(deps),
    'sla.sweep': slaSweepJob(deps),
  };
}
