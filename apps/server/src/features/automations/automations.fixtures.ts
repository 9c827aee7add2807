import { Logger, runOnce } from 'graphile-worker';
import { expect } from 'vitest';
import type { TestContext } from '../../../test/app.ts';
import { call, type World } from '../../../test/factories.ts';
import { jobs } from '../../jobs.ts';

/** What the automation tests do over and over, through the API and the worker's own job runner. */
export function automationFixtures(app: () => TestContext) {
  /** Runs the queued automation jobs (and the jobs they queue) as the worker would. */
  const runJobs = () =>
    runOnce({
      pgPool: app().deps.pool,
      taskList: { 'automation.run': jobs(app().deps)['automation.run']! },
      logger: new Logger(() => () => {}),
    });

  async function rule(w: World, body: Record<string, unknown>) {
    const res = await call(app(), w.manager, 'POST', '/api/v1/automations', { conditions: true, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  async function openCase(w: World, subject: string) {
    const res = await call(app(), w.alice, 'POST', '/api/v1/cases', { subject, body: 'Hello' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const runsOf = async (w: World, caseId: string) => {
    const res = await call(app(), w.agent, 'GET', `/api/v1/cases/${caseId}/automation-runs`);
    expect(res.status).toBe(200);
    return res.body.items as {
      rule_id: string;
      done: { summary: string }[];
      skipped: { reason: string }[];
      error: string | null;
    }[];
  };

  const viewOf = async (w: World, caseId: string) =>
    (await call(app(), w.agent, 'GET', `/api/v1/cases/${caseId}`)).body;

  return { runJobs, rule, openCase, runsOf, viewOf };
}
