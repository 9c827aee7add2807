import { Logger as WorkerLogger } from 'graphile-worker';
import type { Logger } from './logger.ts';

/**
 * graphile-worker's messages in our structured log instead of its console lines. Its `info` is a
 * line per completed job (and the start and stop), so it becomes `debug`: at the default level a
 * busy worker's log then holds what needs a reader, a failed attempt (`error`, with the error) or
 * a warning. LOG_LEVEL=debug shows every job again.
 */
export function workerLogger(log: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const fields = {
      worker: scope,
      ...(meta?.error instanceof Error ? { err: meta.error } : {}),
    };
    if (level === 'error') log.error(fields, message);
    else if (level === 'warning') log.warn(fields, message);
    else if (level === 'info') log.debug(fields, message);
    else log.trace(fields, message);
  });
}
