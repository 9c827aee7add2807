import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type Person, type World } from '../../../test/factories.ts';
import { type NotificationInput, notifyStaffIn, whoToTell } from './index.ts';

let t: TestContext;
let a: World;
let b: World;

beforeAll(async () => {
  t = await startTestApp();
  a = await makeWorkspace(t);
  b = await makeWorkspace(t);
});
afterAll(() => t.close());

const notifyIn = (n: Omit<NotificationInput, 'kind'> & { kind?: string }) =>
  t.deps.db.transaction().execute((trx) => notifyStaffIn(trx, { kind: 'automation', ...n }));

const openCase = async (w: World, extra: Record<string, unknown> = {}) => {
  const res = await call(t, w.agent, 'POST', '/api/v1/cases', {
    subject: 'Stove leaks',
    body: 'Help',
    customer_id: w.alice.id,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; number: number };
};

type Listed = { id: string; title: string; read_at: string | null; case: { number: number } | null };
const list = async (as: Person, query = '') => {
  const res = await call(t, as, 'GET', `/api/v1/notifications${query}`);
  expect(res.status).toBe(200);
  return res.body as { items: Listed[]; next_cursor: string | null; unread: number };
};

describe('notifyStaffIn', () => {
  it('notifies each distinct active colleague of the workspace once, and no one else', async () => {
    const w = await makeWorkspace(t);
    const left = await call(t, w.admin, 'PATCH', `/api/v1/staff/${w.agent2.id}`, { active: false });
    expect(left.status).toBe(200);
    const n = await notifyIn({
      workspaceId: w.ws.id,
      staffIds: [w.agent.id, w.agent.id, w.agent2.id, b.agent.id, 'not-an-id', w.supervisor.id.toUpperCase()],
      title: '  Stock is low  ',
    });
    expect(n).toBe(2);
    const rows = await t.deps.db
      .selectFrom('staff_notifications')
      .select(['staff_id', 'workspace_id', 'title'])
      .where('staff_id', 'in', [w.agent.id, w.agent2.id, b.agent.id, w.supervisor.id])
      .execute();
    expect(rows.map((r) => r.staff_id).sort()).toEqual([w.agent.id, w.supervisor.id].sort());
    expect(rows.every((r) => r.workspace_id === w.ws.id && r.title === 'Stock is low')).toBe(true);
    expect(await notifyIn({ workspaceId: w.ws.id, staffIds: [], title: 'Nobody' })).toBe(0);
  });

  it('refuses an untitled notification or a case of another workspace, leaving nothing', async () => {
    const theirs = await openCase(b);
    const before = (await list(a.agent)).items.length;
    await expect(
      notifyIn({ workspaceId: a.ws.id, staffIds: [a.agent.id], title: ' ' }),
    ).rejects.toMatchObject({
      reason: 'notification_untitled',
    });
    await expect(
      notifyIn({ workspaceId: a.ws.id, staffIds: [a.agent.id], title: 'Look', caseId: theirs.id }),
    ).rejects.toMatchObject({ reason: 'unknown_case' });
    expect((await list(a.agent)).items).toHaveLength(before);
  });
});

describe('whoToTell', () => {
  it('names the assignee and the team’s supervisors, else the workspace’s', async () => {
    const w = await makeWorkspace(t);
    const c = await openCase(w, { team_id: w.team.id, assignee_id: w.agent.id });
    const ids = async () => (await whoToTell(t.deps.db, w.ws.id, c.id)).map((p) => p.id);
    // The team has no supervisor yet: the workspace's supervisor.
    expect(await ids()).toEqual([w.agent.id, w.supervisor.id]);
    const teamLead = await call(t, w.admin, 'POST', '/api/v1/staff', {
      email: `lead.${w.ws.id.slice(0, 8)}@example.test`,
      name: 'Team Lead',
      role: 'supervisor',
      password: 'lead password 1',
      team_ids: [w.team.id],
    });
    expect(teamLead.status).toBe(201);
    expect(await ids()).toEqual([w.agent.id, teamLead.body.id]);
    expect((await whoToTell(t.deps.db, w.ws.id, c.id, 'assignee')).map((p) => p.id)).toEqual([w.agent.id]);
    expect(await whoToTell(t.deps.db, b.ws.id, c.id)).toEqual([]);
  });
});

describe('GET /api/v1/notifications', () => {
  it('lists only my own, newest first, page by page, with my unread count', async () => {
    const w = await makeWorkspace(t);
    const c = await openCase(w);
    for (const title of ['First', 'Second', 'Third']) {
      await notifyIn({ workspaceId: w.ws.id, staffIds: [w.agent.id], title, caseId: c.id });
    }
    await notifyIn({ workspaceId: w.ws.id, staffIds: [w.agent2.id], title: 'Not for agent one' });
    const first = await list(w.agent, '?limit=2');
    expect(first.items.map((i) => i.title)).toEqual(['Third', 'Second']);
    expect(first.unread).toBe(3);
    expect(first.items[0]).toMatchObject({
      kind: 'automation',
      body: '',
      read_at: null,
      case: { id: c.id, number: c.number, subject: 'Stove leaks' },
    });
    const second = await list(w.agent, `?limit=2&cursor=${first.next_cursor}`);
    expect(second.items.map((i) => i.title)).toEqual(['First']);
    expect(second.next_cursor).toBeNull();
    expect((await list(w.agent2)).items.map((i) => i.title)).toEqual(['Not for agent one']);
  });

  it('filters to unread ones', async () => {
    const w = await makeWorkspace(t);
    await notifyIn({ workspaceId: w.ws.id, staffIds: [w.agent.id], title: 'Old news' });
    await notifyIn({ workspaceId: w.ws.id, staffIds: [w.agent.id], title: 'Fresh' });
    const [fresh, old] = (await list(w.agent)).items;
    expect((await call(t, w.agent, 'POST', `/api/v1/notifications/${old?.id}/read`)).status).toBe(200);
    expect((await list(w.agent, '?unread=true')).items.map((i) => i.id)).toEqual([fresh?.id]);
    expect((await list(w.agent, '?unread=false')).items).toHaveLength(2);
  });

  it('refuses bad input with a stable reason', async () => {
    for (const [query, reason] of [
      ['?limit=0', 'validation_failed'],
      ['?limit=101', 'validation_failed'],
      ['?unread=yes', 'validation_failed'],
      ['?cursor=nonsense', 'invalid_cursor'],
    ]) {
      const res = await call(t, a.agent, 'GET', `/api/v1/notifications${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.reason, query).toBe(reason);
    }
  });

  it('is for staff only', async () => {
    expect((await call(t, null, 'GET', '/api/v1/notifications')).body.reason).toBe('not_signed_in');
    const customer = await call(t, a.alice, 'GET', '/api/v1/notifications');
    expect(customer.status).toBe(403);
    expect(customer.body.reason).toBe('staff_only');
    expect((await call(t, a.alice, 'POST', '/api/v1/notifications/read-all')).status).toBe(403);
  });
});

describe('marking read', () => {
  it('marks one of mine read, once; another’s or another workspace’s is a 404 that changes nothing', async () => {
    const w = await makeWorkspace(t);
    await notifyIn({ workspaceId: w.ws.id, staffIds: [w.agent.id, w.agent2.id], title: 'For both' });
    const mine = (await list(w.agent)).items[0]!;
    const theirs = (await list(w.agent2)).items[0]!;

    const read = await call(t, w.agent, 'POST', `/api/v1/notifications/${mine.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ marked: 1, unread: 0 });
    expect((await list(w.agent)).items[0]?.read_at).not.toBeNull();
    const again = await call(t, w.agent, 'POST', `/api/v1/notifications/${mine.id}/read`);
    expect(again.body).toEqual({ marked: 0, unread: 0 });

    for (const as of [w.agent, b.agent, b.admin]) {
      const res = await call(t, as, 'POST', `/api/v1/notifications/${theirs.id}/read`);
      expect(res.status).toBe(404);
      expect(res.body.reason).toBe('notification_not_found');
    }
    expect((await list(w.agent2)).items[0]?.read_at).toBeNull();
    expect((await list(b.agent)).items.some((i) => i.id === theirs.id)).toBe(false);

    const bad = await call(t, w.agent, 'POST', '/api/v1/notifications/not-an-id/read');
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toBe('validation_failed');
  });

  it('marks all of mine read and nobody else’s', async () => {
    const w = await makeWorkspace(t);
    for (const title of ['One', 'Two']) {
      await notifyIn({ workspaceId: w.ws.id, staffIds: [w.agent.id, w.agent2.id], title });
    }
    const res = await call(t, w.agent, 'POST', '/api/v1/notifications/read-all');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ marked: 2, unread: 0 });
    expect((await list(w.agent)).items.every((i) => i.read_at !== null)).toBe(true);
    expect((await list(w.agent2)).unread).toBe(2);
    expect((await call(t, w.agent, 'POST', '/api/v1/notifications/read-all')).body).toEqual({
      marked: 0,
      unread: 0,
    });
  });
});
