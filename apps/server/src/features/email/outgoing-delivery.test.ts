import { describe, expect, it } from 'vitest';
import { call, makeWorkspace, uniq } from '../../../test/factories.ts';
import {
  casesOf,
  drain,
  mailbox,
  relayed,
  sender,
  sendJobsOf,
  setRelayRejects,
  staffReply,
  t,
  useEmailHarness,
  w,
} from './email.harness.ts';
import { emailSendJob } from './email.jobs.ts';
import { INTERRUPTED_DELIVERY, sendOutgoing } from './outbound.service.ts';

useEmailHarness();

/** An email case with one staff reply recorded (queued, not yet sent) for a fresh customer. */
async function queuedReply(tag: string) {
  const from = `${tag}.${uniq()}@example.org`;
  await sender.sendMail({ from, to: mailbox, subject: `About ${tag}`, text: 'Hello' });
  await drain();
  const [c] = await casesOf(from);
  const { outgoingId } = await staffReply(c!.id, `Answer for ${tag}`);
  return { from, outgoingId };
}

const runSendJob = (outgoingId: string) =>
  emailSendJob(t.deps)({ outgoing_id: outgoingId }, {} as Parameters<ReturnType<typeof emailSendJob>>[1]);

const sentTo = (address: string) => relayed.filter((m) => m.to.includes(address));

const outgoing = (id: string) => call(t, w.admin, 'GET', `/api/v1/email/outgoing/${id}`);

describe('outgoing mail is sent at most once, even after a crash', () => {
  it('settles a mail left `sending` by a crash as failed, without sending it again', async () => {
    const { from, outgoingId } = await queuedReply('crash');
    // The process died after claiming the mail (the relay may have answered 250): it is still `sending`.
    await t.deps.db
      .updateTable('outgoing_emails')
      .set({ status: 'sending', attempts: 1 })
      .where('id', '=', outgoingId)
      .execute();
    await expect(runSendJob(outgoingId)).resolves.toBeUndefined();
    expect(sentTo(from)).toHaveLength(0);
    const row = await outgoing(outgoingId);
    expect(row.body).toMatchObject({ status: 'failed', attempts: 1, last_response: INTERRUPTED_DELIVERY });
    // Any later run of the job leaves it for a person: still failed, still not sent.
    await runSendJob(outgoingId);
    expect(sentTo(from)).toHaveLength(0);
    expect((await outgoing(outgoingId)).body.status).toBe('failed');
  });

  it('claims a mail before the relay, so two runs at once deliver it once', async () => {
    const { from, outgoingId } = await queuedReply('twice');
    const results = await Promise.all([sendOutgoing(t.deps, outgoingId), sendOutgoing(t.deps, outgoingId)]);
    expect(results).toContain('sent');
    expect(sentTo(from)).toHaveLength(1);
    expect((await outgoing(outgoingId)).body).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await sendOutgoing(t.deps, outgoingId)).toBe('sent');
    expect(sentTo(from)).toHaveLength(1);
  });

  it('sends again by hand after an interruption, and refuses to send a sent mail again', async () => {
    const { from, outgoingId } = await queuedReply('resend');
    await t.deps.db
      .updateTable('outgoing_emails')
      .set({ status: 'sending', attempts: 1 })
      .where('id', '=', outgoingId)
      .execute();
    await runSendJob(outgoingId);
    // Only an admin may decide.
    const byAgent = await call(t, w.agent, 'POST', `/api/v1/email/outgoing/${outgoingId}/resend`);
    expect(byAgent.status).toBe(403);
    expect((await outgoing(outgoingId)).body.status).toBe('failed');

    const again = await call(t, w.admin, 'POST', `/api/v1/email/outgoing/${outgoingId}/resend`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ id: outgoingId, status: 'queued' });
    expect(await sendJobsOf(outgoingId)).toBe(1);
    await runSendJob(outgoingId);
    expect(sentTo(from)).toHaveLength(1);
    expect((await outgoing(outgoingId)).body).toMatchObject({ status: 'sent', attempts: 2 });

    const refused = await call(t, w.admin, 'POST', `/api/v1/email/outgoing/${outgoingId}/resend`);
    expect(refused.status).toBe(409);
    expect(refused.body.reason).toBe('outgoing_not_failed');
    expect((await outgoing(outgoingId)).body.status).toBe('sent');
    expect(sentTo(from)).toHaveLength(1);
  });

  it('refuses to resend a queued mail, or another workspace’s mail (404), and leaves both as they were', async () => {
    const { outgoingId } = await queuedReply('other');
    const queued = await call(t, w.admin, 'POST', `/api/v1/email/outgoing/${outgoingId}/resend`);
    expect(queued.status).toBe(409);
    expect(queued.body.reason).toBe('outgoing_not_failed');

    await t.deps.db
      .updateTable('outgoing_emails')
      .set({ status: 'failed' })
      .where('id', '=', outgoingId)
      .execute();
    const other = await makeWorkspace(t);
    const foreign = await call(t, other.admin, 'POST', `/api/v1/email/outgoing/${outgoingId}/resend`);
    expect(foreign.status).toBe(404);
    expect((await outgoing(outgoingId)).body.status).toBe('failed');
    const bad = await call(t, w.admin, 'POST', '/api/v1/email/outgoing/not-a-uuid/resend');
    expect(bad.status).toBe(400);
  });

  it('still retries after a refused delivery, and ends sent with one message at the relay', async () => {
    const { from, outgoingId } = await queuedReply('retry');
    setRelayRejects(true);
    try {
      await expect(runSendJob(outgoingId)).rejects.toThrow();
    } finally {
      setRelayRejects(false);
    }
    const failed = await outgoing(outgoingId);
    expect(failed.body).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.body.last_response).toMatch(/550/);
    expect(sentTo(from)).toHaveLength(0);
    await runSendJob(outgoingId);
    expect((await outgoing(outgoingId)).body).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sentTo(from)).toHaveLength(1);
  });
});
