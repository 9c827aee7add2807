import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type Person, type World } from '../../../test/factories.ts';
import { queueReply } from '../email/index.ts';
import { sendMacroAsSystemIn } from './index.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const BODY =
  'Hi {{customer.first_name}},\n\nAbout case #{{case.number}} ({{case.subject}}).\n\n{{agent.first_name}}';

async function macroIn(as: Person, over: Record<string, unknown> = {}) {
  const res = await call(t, as, 'POST', '/api/v1/macros', {
    name: `Macro ${Math.random()}`,
    body: BODY,
    kind: 'public',
    changes: { status: 'pending', add_tags: ['awaiting-info'], remove_tags: ['new-lead'], assignee_id: 'me' },
    scope: 'shared',
    ...over,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function caseIn(w: World, over: Record<string, unknown> = {}) {
  const res = await call(t, w.agent, 'POST', '/api/v1/cases', {
    subject: 'Where is my <tent>?',
    body: 'It has not arrived',
    customer_id: w.alice.id,
    tags: ['new-lead', 'tent'],
    ...over,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; number: number; version: number };
}

const usage = async (id: string) =>
  (await t.deps.db.selectFrom('macros').select('usage_count').where('id', '=', id).executeTakeFirstOrThrow())
    .usage_count;
const messageCount = async (caseId: string) =>
  (await t.deps.db.selectFrom('messages').select('id').where('case_id', '=', caseId).execute()).length;

describe('rendering a macro for a case', () => {
  it('fills the placeholders, escapes them for the editor, and resolves "me"', async () => {
    const w = await makeWorkspace(t);
    const m = await macroIn(w.admin, {
      changes: { assignee_id: 'me', team_id: w.team.id, priority: 'high' },
    });
    const c = await caseIn(w);
    const res = await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/macros/${m.id}/render`);
    expect(res.status).toBe(200);
    const first = w.agent.name.split(' ')[0];
    expect(res.body.text).toBe(`Hi Alice,\n\nAbout case #${c.number} (Where is my <tent>?).\n\n${first}`);
    expect(res.body.body).toBe(
      `<p>Hi Alice,</p><p>About case #${c.number} (Where is my &lt;tent&gt;?).</p><p>${first}</p>`,
    );
    expect(res.body.kind).toBe('public');
    expect(res.body.changes).toEqual({
      priority: 'high',
      team: { id: w.team.id, name: w.team.name },
      assignee: { id: w.agent.id, name: w.agent.name },
      add_tags: [],
      remove_tags: [],
    });
    // Only tags that would change are shown: the case has tent and new-lead.
    const tags = await macroIn(w.admin, {
      changes: { add_tags: ['tent', 'fresh'], remove_tags: ['new-lead', 'absent'] },
    });
    const tagged = await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/macros/${tags.id}/render`);
    expect(tagged.body.changes).toEqual({ add_tags: ['fresh'], remove_tags: ['new-lead'] });
    // Rendering writes nothing and counts nothing.
    expect(await usage(m.id)).toBe(0);
    expect(await messageCount(c.id)).toBe(1);
  });

  it('refuses a switched-off macro, and one that is not yours or not here', async () => {
    const w = await makeWorkspace(t);
    const c = await caseIn(w);
    const off = await macroIn(w.admin, { active: false });
    const res = await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/macros/${off.id}/render`);
    expect([res.status, res.body.reason]).toEqual([409, 'macro_inactive']);
    const theirs = await macroIn(w.agent2, { scope: 'personal' });
    const other = await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/macros/${theirs.id}/render`);
    expect([other.status, other.body.reason]).toEqual([404, 'macro_not_found']);
    const missing = `/api/v1/cases/00000000-0000-4000-8000-000000000000/macros/${theirs.id}/render`;
    expect((await call(t, w.agent2, 'POST', missing)).body.reason).toBe('case_not_found');
  });

  it('previews a draft against the sample case, naming unknown placeholders', async () => {
    const w = await makeWorkspace(t);
    const res = await call(t, w.agent, 'POST', '/api/v1/macros/preview', {
      body: 'Hi {{customer.first_name}} {{oops}}, from {{workspace.name}}',
      changes: { status: 'solved' },
    });
    expect(res.status).toBe(200);
    expect(res.body.text).toBe(`Hi Alex {{oops}}, from ${w.ws.name}`);
    expect(res.body.unknown_placeholders).toEqual(['oops']);
    expect(res.body.changes).toEqual({ status: 'solved', add_tags: [], remove_tags: [] });
  });
});

describe('applying a macro with the reply', () => {
  it('writes the reply and the changes together, and counts the use', async () => {
    const w = await makeWorkspace(t);
    const m = await macroIn(w.supervisor);
    const c = await caseIn(w);
    const res = await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/macros/${m.id}/apply`, {
      body: 'Hi Alice, edited by me',
      visibility: 'public',
      version: c.version,
      changes: {
        status: 'pending',
        add_tags: ['awaiting-info'],
        remove_tags: ['new-lead'],
        assignee_id: 'me',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.changes.sort()).toEqual(['assignee_id', 'status', 'tags']);
    const view = (await call(t, w.agent, 'GET', `/api/v1/cases/${c.id}`)).body;
    expect(view).toMatchObject({
      status: 'pending',
      tags: ['tent', 'awaiting-info'],
      assignee: { id: w.agent.id },
    });
    expect(view.messages.at(-1)).toMatchObject({
      body: 'Hi Alice, edited by me',
      author: { id: w.agent.id },
    });
    expect(await usage(m.id)).toBe(1);
    const events = view.timeline.filter((e: { data: { macro_id?: string } }) => e.data.macro_id === m.id);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'message.added',
      'case.updated',
      'case.updated',
    ]);
  });

  it('the agent may drop changes: only what is sent applies', async () => {
    const w = await makeWorkspace(t);
    const m = await macroIn(w.supervisor);
    const c = await caseIn(w);
    const res = await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/macros/${m.id}/apply`, {
      body: 'Just the text',
      visibility: 'internal',
    });
    expect(res.status).toBe(201);
    expect(res.body.changes).toEqual([]);
    const view = (await call(t, w.agent, 'GET', `/api/v1/cases/${c.id}`)).body;
    expect(view).toMatchObject({ status: 'new', assignee: null, tags: ['new-lead', 'tent'] });
    expect(await usage(m.id)).toBe(1);
  });

  it('a macro without text applies its changes alone, checking the version seen', async () => {
    const w = await makeWorkspace(t);
    const m = await macroIn(w.agent, { scope: 'personal', body: '', changes: { assignee_id: 'me' } });
    const c = await caseIn(w);
    const url = `/api/v1/cases/${c.id}/macros/${m.id}/apply`;
    const stale = await call(t, w.agent, 'POST', url, { version: 99, changes: { assignee_id: 'me' } });
    expect([stale.status, stale.body.reason]).toEqual([409, 'case_changed']);
    const res = await call(t, w.agent, 'POST', url, { version: c.version, changes: { assignee_id: 'me' } });
    expect(res.body).toEqual({ message_id: null, changes: ['assignee_id'] });
    expect((await call(t, w.agent, 'GET', `/api/v1/cases/${c.id}`)).body.assignee.id).toBe(w.agent.id);
    expect(await messageCount(c.id)).toBe(1);
    expect(await usage(m.id)).toBe(1);
  });

  it.each([
    [{ body: undefined }, 400, 'nothing_to_apply'],
    [{ changes: { assignee_id: '00000000-0000-4000-8000-000000000000' } }, 400, 'unknown_staff'],
    [{ changes: { add_tags: ['x'], remove_tags: ['x'] } }, 400, 'tag_added_and_removed'],
    [{ version: 99 }, 409, 'case_changed'],
    [{ body: '' }, 400, 'validation_failed'],
  ])('a refused apply (%j) writes nothing: %i %s', async (over, status, reason) => {
    const w = await makeWorkspace(t);
    const m = await macroIn(w.supervisor);
    const c = await caseIn(w);
    const res = await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/macros/${m.id}/apply`, {
      body: 'Hello',
      visibility: 'public',
      ...over,
    });
    expect([res.status, res.body.reason]).toEqual([status, reason]);
    expect(await messageCount(c.id)).toBe(1);
    expect(await usage(m.id)).toBe(0);
    expect((await call(t, w.agent, 'GET', `/api/v1/cases/${c.id}`)).body.status).toBe('new');
  });

  it("another workspace's staff cannot apply to or through this workspace", async () => {
    const w = await makeWorkspace(t);
    const other = await makeWorkspace(t);
    const m = await macroIn(w.supervisor);
    const c = await caseIn(w);
    const res = await call(t, other.agent, 'POST', `/api/v1/cases/${c.id}/macros/${m.id}/apply`, {
      body: 'Hello',
      visibility: 'public',
    });
    expect(res.status).toBe(404);
    expect(await messageCount(c.id)).toBe(1);
  });
});

describe('sendMacroAsSystemIn (for automations)', () => {
  const send = (w: World, caseId: string, macroId: string, automationRuleId?: string) =>
    t.deps.db
      .transaction()
      .execute((trx) =>
        sendMacroAsSystemIn(t.deps, trx, { workspaceId: w.ws.id, caseId, macroId, automationRuleId }),
      );

  it('writes an automatic message and applies the changes as the system, marked with the rule', async () => {
    const w = await makeWorkspace(t);
    const m = await macroIn(w.admin, { kind: 'internal' });
    const c = await caseIn(w);
    const rule = '11111111-1111-4111-8111-111111111111';
    const out = await send(w, c.id, m.id, rule);
    expect(out.messageId).toEqual(expect.any(String));
    // "me" means nobody for the system: the assignee stays as it was.
    expect(out.changes.sort()).toEqual(['status', 'tags']);
    const view = (await call(t, w.agent, 'GET', `/api/v1/cases/${c.id}`)).body;
    expect(view).toMatchObject({ status: 'pending', assignee: null, tags: ['tent', 'awaiting-info'] });
    expect(view.messages.at(-1)).toMatchObject({
      id: out.messageId,
      visibility: 'internal',
      author: { kind: 'system', id: null, name: `${w.ws.name} (automatic)` },
      body: `Hi Alice,\n\nAbout case #${c.number} (Where is my <tent>?).\n\nThe ${w.ws.name} team`,
    });
    const marked = view.timeline.filter(
      (e: { data: { automation_rule_id?: string } }) => e.data.automation_rule_id,
    );
    expect(marked.map((e: { type: string; actor: { kind: string } }) => [e.type, e.actor.kind])).toEqual([
      ['message.added', 'system'],
      ['case.updated', 'system'],
    ]);
    expect(marked[0].data).toMatchObject({ automation_rule_id: rule, macro_id: m.id });
    expect(await usage(m.id)).toBe(1);
  });

  it('mails a public automatic reply on an email case like a staff reply', async () => {
    const w = await makeWorkspace(t);
    const m = await macroIn(w.admin, { changes: { status: 'solved' } });
    const c = await caseIn(w, { channel: 'email' });
    const out = await send(w, c.id, m.id);
    expect(out.changes).toEqual(['status']);
    const outgoingId = await queueReply(t.deps, w.ws.id, out.messageId!);
    expect(outgoingId).toEqual(expect.any(String));
    const mail = await t.deps.db
      .selectFrom('outgoing_emails')
      .select(['to_address', 'text_body'])
      .where('id', '=', outgoingId!)
      .executeTakeFirstOrThrow();
    expect(mail).toEqual({ to_address: w.alice.email, text_body: expect.stringContaining('Hi Alice,') });
  });

  it('a changes-only macro writes no message; personal and foreign macros are not found', async () => {
    const w = await makeWorkspace(t);
    const other = await makeWorkspace(t);
    const c = await caseIn(w);
    const quiet = await macroIn(w.admin, { body: '', changes: { priority: 'urgent' } });
    expect(await send(w, c.id, quiet.id)).toEqual({ messageId: null, changes: ['priority'] });
    expect(await messageCount(c.id)).toBe(1);
    const personal = await macroIn(w.agent, { scope: 'personal' });
    await expect(send(w, c.id, personal.id)).rejects.toMatchObject({ reason: 'macro_not_found' });
    const foreign = await macroIn(other.admin);
    await expect(send(w, c.id, foreign.id)).rejects.toMatchObject({ reason: 'macro_not_found' });
    expect(await usage(personal.id)).toBe(0);
  });
});
