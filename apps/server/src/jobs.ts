import type { Task } from 'graphile-worker';
import type { Deps } from './deps.ts';

/** Job name -> handler. Handlers are idempotent: a job may run again after a crash. */
export function jobs(_deps: Deps): Record<string, Task> {
  return {};
}
