import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { workerLogger } from './worker-logger.ts';

const capture = (level: string) => {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level }, { write: (l: string) => lines.push(JSON.parse(l)) });
  return { lines, logger: workerLogger(log) };
};

describe("graphile-worker's log", () => {
  it('keeps a line per completed job out of the default level, and a failure in it with its error', () => {
    const { lines, logger } = capture('info');
    const jobs = logger.scope({ workerId: 'w1' });
    jobs.info('Completed task 7 (sla.recompute, 1.20ms)');
    jobs.error("Failed task 8 (email.send, 3.00ms, attempt 1 of 25) with error 'refused'", {
      failure: true,
      error: new Error('refused'),
    });
    jobs.warn('slow');
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [50, "Failed task 8 (email.send, 3.00ms, attempt 1 of 25) with error 'refused'"],
      [40, 'slow'],
    ]);
    expect(lines[0]).toMatchObject({ worker: { workerId: 'w1' }, err: { message: 'refused' } });
  });

  it('shows every job at debug', () => {
    const { lines, logger } = capture('debug');
    logger.info('Completed task 7 (sla.recompute, 1.20ms)');
    logger.debug('Found task 7');
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[20, 'Completed task 7 (sla.recompute, 1.20ms)']]);
  });
});
