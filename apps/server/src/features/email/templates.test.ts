import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import { DEFAULT_TEMPLATES } from './templates.defaults.ts';

let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp({ env: { PUBLIC_URL: 'https://help.example.test' } });
  w = await makeWorkspace(t);
  expect(
    (await call(t, w.admin, 'PATCH', '/api/v1/workspace', { languages: ['en', 'de', 'fr'] })).status,
  ).toBe(200);
});
afterAll(() => t.close());

const base = '/api/v1/email/templates';
const rowsOf = (workspaceId: string) =>
  t.deps.db
    .selectFrom('notification_templates')
    .select(['kind', 'language', 'subject', 'body', 'enabled'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('kind')
    .orderBy('language')
    .execute();

type Item = { kind: string; language: string; customised: boolean; enabled: boolean; subject: string };
const find = (items: Item[], kind: string, language: string) =>
  items.find((i) => i.kind === kind && i.language === language)!;

describe('notification templates API', () => {
  it('lists every kind in every workspace language, built-in until customised', async () => {
    const res = await call(t, w.agent, 'GET', base);
    expect(res.status).toBe(200);
    expect(res.body.languages).toEqual(['en', 'de', 'fr']);
    expect(res.body.items).toHaveLength(9);
    const de = find(res.body.items, 'agent_replied', 'de');
    expect(de).toMatchObject({
      customised: false,
      enabled: true,
      has_default: true,
      subject: DEFAULT_TEMPLATES.de!.agent_replied.subject,
      updated_at: null,
    });
    expect(de).toHaveProperty('placeholders', expect.arrayContaining(['reply.text', 'agent.name']));
    // No French text is built in: the English one is shown as the starting point.
    expect(find(res.body.items, 'case_received', 'fr')).toMatchObject({
      has_default: false,
      customised: false,
      subject: DEFAULT_TEMPLATES.en!.case_received.subject,
    });
  });

  it('saves a customised text, switches it off, and reverts to the default keeping the switch', async () => {
    const path = `${base}/case_received/en`;
    const saved = await call(t, w.admin, 'PUT', path, {
      subject: 'Thanks! [#{{case.number}}]',
      body: 'Hi {{customer.first_name}}, we got it: {{case.url}}',
      enabled: true,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      customised: true,
      enabled: true,
      subject: 'Thanks! [#{{case.number}}]',
    });
    expect(saved.body.updated_at).toEqual(expect.any(String));

    const off = await call(t, w.admin, 'PUT', path, { ...saved.body, enabled: false });
    expect(off.body).toMatchObject({ customised: true, enabled: false });

    const reverted = await call(t, w.admin, 'DELETE', path);
    expect(reverted.status).toBe(200);
    expect(reverted.body).toMatchObject({
      customised: false,
      enabled: false,
      subject: DEFAULT_TEMPLATES.en!.case_received.subject,
    });
    expect((await rowsOf(w.ws.id)).find((r) => r.kind === 'case_received' && r.language === 'en')).toEqual({
      kind: 'case_received',
      language: 'en',
      subject: null,
      body: null,
      enabled: false,
    });
    // Switching back on with the default text leaves nothing behind once reverted.
    const on = await call(t, w.admin, 'PUT', path, { ...DEFAULT_TEMPLATES.en!.case_received, enabled: true });
    expect(on.body).toMatchObject({ customised: false, enabled: true });
    await call(t, w.admin, 'DELETE', path);
    expect((await rowsOf(w.ws.id)).some((r) => r.kind === 'case_received' && r.language === 'en')).toBe(
      false,
    );
    const events = await t.deps.db
      .selectFrom('events')
      .select('data')
      .where('workspace_id', '=', w.ws.id)
      .where('type', '=', 'notification_template.updated')
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses unknown placeholders and bad input, leaving no trace', async () => {
    const before = await rowsOf(w.ws.id);
    const cases: [string, unknown, number, string][] = [
      [`${base}/agent_replied/en`, { subject: 'S', body: '{{decision.text}}' }, 400, 'unknown_placeholder'],
      [`${base}/case_received/en`, { subject: '{{case.numbr}}', body: 'B' }, 400, 'unknown_placeholder'],
      [`${base}/case_received/en`, { subject: 'Two\nlines', body: 'B' }, 400, 'validation_failed'],
      [`${base}/case_received/en`, { subject: ' ', body: 'B' }, 400, 'validation_failed'],
      [`${base}/case_received/en`, { subject: 'S', body: 'x'.repeat(20_001) }, 400, 'validation_failed'],
      [`${base}/case_received/nl`, { subject: 'S', body: 'B' }, 400, 'language_not_served'],
      [`${base}/case_received/de-AT`, { subject: 'S', body: 'B' }, 400, 'validation_failed'],
      [`${base}/sorry_mail/en`, { subject: 'S', body: 'B' }, 400, 'validation_failed'],
    ];
    for (const [path, body, status, reason] of cases) {
      const res = await call(t, w.admin, 'PUT', path, body);
      expect(res.status, `${path} ${JSON.stringify(body).slice(0, 60)}`).toBe(status);
      expect(res.body.reason).toBe(reason);
    }
    const unknown = await call(t, w.admin, 'PUT', `${base}/agent_replied/en`, {
      subject: 'S',
      body: '{{decision.text}} {{ nope }}',
    });
    expect(unknown.body.errors).toMatchObject({ unknown: ['decision.text', 'nope'] });
    expect(await rowsOf(w.ws.id)).toEqual(before);
  });

  it('lets only admins change templates', async () => {
    const body = { subject: 'S', body: 'B' };
    for (const who of [w.agent, w.supervisor, w.manager, w.alice]) {
      const res = await call(t, who, 'PUT', `${base}/case_received/de`, body);
      expect(res.status).toBe(403);
      expect((await call(t, who, 'DELETE', `${base}/case_received/de`)).status).toBe(403);
    }
    expect((await call(t, w.alice, 'GET', base)).status).toBe(403);
    expect((await call(t, null, 'GET', base)).status).toBe(401);
  });

  it('previews a draft or the text in force with a sample case, escaped', async () => {
    const res = await call(t, w.agent, 'POST', `${base}/agent_replied/de/preview`, {});
    expect(res.status).toBe(200);
    expect(res.body.subject).toBe('[#1042] Neue Antwort auf Ihre Anfrage: Zeltstange verbogen angekommen');
    expect(res.body.text).toContain('Guten Tag Alex Morgan,');
    expect(res.body.text).toContain(
      'https://help.example.test/portal/cases/00000000-0000-4000-8000-000000001042',
    );
    expect(res.body.html).toContain('<html lang="de">');
    expect(res.body.html).toContain('<a href="https://help.example.test/portal/cases/');

    const draft = await call(t, w.agent, 'POST', `${base}/case_received/en/preview`, {
      body: '<b>{{workspace.name}}</b> got case {{case.number}}',
    });
    expect(draft.status).toBe(200);
    expect(draft.body.text).toBe(`<b>${w.ws.name}</b> got case 1042`);
    expect(draft.body.html).toContain(`&lt;b&gt;${w.ws.name}&lt;/b&gt; got case 1042`);
    expect(draft.body.subject).toContain('[#1042]');

    const bad = await call(t, w.agent, 'POST', `${base}/case_received/en/preview`, {
      body: '{{reply.text}}',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toBe('unknown_placeholder');
  });

  it('keeps one workspace’s templates away from another', async () => {
    const other = await makeWorkspace(t);
    const path = `${base}/decision_made/en`;
    const mine = await call(t, w.admin, 'PUT', path, { subject: 'Ours', body: 'Ours {{decision.text}}' });
    expect(mine.status).toBe(200);
    const theirs = await call(t, other.admin, 'GET', base);
    expect(find(theirs.body.items, 'decision_made', 'en')).toMatchObject({ customised: false });
    expect(theirs.body.languages).toEqual(['en']);
    // Reverting or previewing in the other workspace touches only its own (default) template.
    expect((await call(t, other.admin, 'DELETE', path)).body.customised).toBe(false);
    const preview = await call(t, other.admin, 'POST', `${path}/preview`, {});
    expect(preview.body.subject).not.toContain('Ours');
    const again = await call(t, w.admin, 'GET', base);
    expect(find(again.body.items, 'decision_made', 'en')).toMatchObject({
      customised: true,
      subject: 'Ours',
    });
    expect(await rowsOf(other.ws.id)).toEqual([]);
    // A language only the first workspace serves does not exist for the other.
    const de = await call(t, other.admin, 'PUT', `${base}/decision_made/de`, { subject: 'S', body: 'B' });
    expect(de.body.reason).toBe('language_not_served');
  });
});
