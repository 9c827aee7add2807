import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import { openStream, settle } from '../../../test/sse.ts';
import { notifyStaffIn } from './index.ts';

let t: TestContext;
let a: World;
let b: World;
let base: string;
beforeAll(async () => {
  t = await startTestApp();
  a = await makeWorkspace(t);
  b = await makeWorkspace(t);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

it('a notification signal reaches only its recipient’s consoles, and carries no content', async () => {
  const [mine, colleague, boss, customer, elsewhere] = await Promise.all([
    openStream(base, a.agent),
    openStream(base, a.agent2),
    openStream(base, a.admin),
    openStream(base, a.alice),
    openStream(base, b.agent),
  ]);
  const opened = await call(t, a.alice, 'POST', '/api/v1/cases', { subject: 'Secret plans', body: 'x' });
  await t.deps.db.transaction().execute((trx) =>
    notifyStaffIn(trx, {
      workspaceId: a.ws.id,
      staffIds: [a.agent.id],
      caseId: opened.body.id,
      kind: 'automation',
      title: 'Confidential title',
      body: 'Confidential body',
    }),
  );
  const got = await mine.waitFor((e) => e.event === 'notification.created');
  expect(got.data).toEqual({
    workspace_id: a.ws.id,
    type: 'notification.created',
    case_id: null,
    actor: { kind: 'system', id: null },
    data: { recipient_id: a.agent.id },
  });
  // Marking it read tells the recipient's other consoles, and again nobody else.
  const listed = await call(t, a.agent, 'GET', '/api/v1/notifications');
  await call(t, a.agent, 'POST', `/api/v1/notifications/${listed.body.items[0].id}/read`);
  await mine.waitFor((e) => e.event === 'notification.read');
  // The colleague still hears the workspace's other events (the case opened after they connected).
  await colleague.waitFor((e) => e.event === 'case.created' && e.data.case_id === opened.body.id);
  await settle();
  for (const other of [colleague, boss, customer, elsewhere]) {
    expect(other.events.some((e) => e.event.startsWith('notification.'))).toBe(false);
  }
  const everything = JSON.stringify([mine, colleague, boss, customer, elsewhere].map((s) => s.events));
  expect(everything).not.toContain('Confidential');
  await Promise.all([mine, colleague, boss, customer, elsewhere].map((s) => s.close()));
});

it('announces nothing when the notifying transaction rolls back', async () => {
  const s = await openStream(base, a.agent);
  await expect(
    t.deps.db.transaction().execute(async (trx) => {
      await notifyStaffIn(trx, {
        workspaceId: a.ws.id,
        staffIds: [a.agent.id],
        kind: 'automation',
        title: 'Gone',
      });
      throw new Error('the caller failed afterwards');
    }),
  ).rejects.toThrow('the caller failed afterwards');
  await settle();
  expect(s.events.filter((e) => e.event.startsWith('notification.'))).toEqual([]);
  expect((await call(t, a.agent, 'GET', '/api/v1/notifications?unread=true')).body.items).toEqual([]);
  await s.close();
});
