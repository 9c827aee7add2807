import { Logger, runOnce } from 'graphile-worker';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { call, uniq } from '../../../test/factories.ts';
import { casesOf, drain, mailbox, sender, t, useEmailHarness, w } from './email.harness.ts';
import { queueReply } from './outbound.service.ts';

useEmailHarness();

/** The waiting jobs whose payload or key names this id (the jobs view hides payloads). */
const jobsOf = async (id: string) =>
  (
    await sql<{ task: string; priority: number }>`select t.identifier as task, j.priority
      from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where j.payload::text like ${`%${id}%`} or j.key like ${`%${id}%`} order by j.id`.execute(t.deps.db)
  ).rows;

describe('customer mail goes ahead of the other waiting jobs', () => {
  it('queues a reply’s mail jobs first in line, and the worker takes them first', async () => {
    const from = `prio.${uniq()}@example.org`;
    await sender.sendMail({ from, to: mailbox, subject: 'Where is my order?', text: 'Still waiting.' });
    await drain();
    const [c] = await casesOf(from);
    const res = await call(t, w.agent, 'POST', `/api/v1/cases/${c!.id}/messages`, { body: 'On its way.' });
    expect(res.status).toBe(201);
    // The reply queued its recompute (listed first among the subscribers) and its mail job.
    const queued = await jobsOf(res.body.id);
    expect(queued).toContainEqual({ task: 'email.reply', priority: -10 });
    expect(await jobsOf(c!.id)).toContainEqual({ task: 'sla.recompute', priority: 0 });
    // graphile-worker itself, one job at a time, takes the mail job before the recompute.
    const ran: string[] = [];
    await runOnce(
      { pgPool: t.deps.pool, concurrency: 1, noHandleSignals: true, logger: new Logger(() => () => {}) },
      {
        'email.reply': async () => {
          ran.push('email.reply');
        },
        'sla.recompute': async () => {
          ran.push('sla.recompute');
        },
      },
    );
    expect(ran[0]).toBe('email.reply');
    expect(ran).toContain('sla.recompute');
    // The mail itself (email.send), queued by the reply's job, goes ahead even of other replies' jobs.
    const outgoingId = await queueReply(t.deps, w.ws.id, res.body.id);
    expect(await jobsOf(`email.send:${outgoingId}`)).toEqual([{ task: 'email.send', priority: -20 }]);
  });
});
