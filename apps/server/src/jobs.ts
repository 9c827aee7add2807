import type { Task } from 'graphile-worker';
import type { Deps } from './deps.ts';
import { customerImportJob } from './features/customers/index.ts';

/** Job name -> handler. Handlers are idempotent: a job may run again after a crash. */
export function jobs(deps: Deps): Record<string, Task> {
  return {
    'customers.import': customerImportJob(deps),
  };
}
