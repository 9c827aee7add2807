import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type Person, type World } from '../../../test/factories.ts';

let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp({ env: { ATTACHMENT_MAX_BYTES: '50000' } });
  w = await makeWorkspace(t);
});
afterAll(() => t.close());

/** Encodes a real multipart/form-data body the way a browser would. */
async function upload(as: Person, content: string | Uint8Array, filename: string, type: string) {
  const form = new FormData();
  form.append(
    'file',
    new Blob([typeof content === 'string' ? content : Buffer.from(content)], { type }),
    filename,
  );
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    headers: { authorization: `Bearer ${as.token}`, 'content-type': req.headers.get('content-type')! },
    payload: Buffer.from(await req.arrayBuffer()),
  });
  return { status: res.statusCode, body: res.json() };
}

const download = (as: Person, id: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/attachments/${id}`,
    headers: { authorization: `Bearer ${as.token}` },
  });

describe('attachments', () => {
  it('uploads stream to storage, link to a message and download byte for byte', async () => {
    const up = await upload(w.alice, 'order TH-20418 receipt', 'receipt.txt', 'text/plain');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      filename: 'receipt.txt',
      content_type: 'text/plain',
      size_bytes: 22,
      message_id: null,
    });
    const c = await call(t, w.alice, 'POST', '/api/v1/cases', {
      subject: 'Receipt',
      body: 'Attached.',
      attachment_ids: [up.body.id],
    });
    expect(c.status).toBe(201);
    expect(c.body.messages[0].attachments.map((a: { id: string }) => a.id)).toEqual([up.body.id]);
    const res = await download(w.agent, up.body.id);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('order TH-20418 receipt');
    expect(res.headers['content-disposition']).toContain('receipt.txt');
    // An upload links once: using it again is refused.
    const again = await call(t, w.alice, 'POST', `/api/v1/cases/${c.body.id}/messages`, {
      body: 'again',
      attachment_ids: [up.body.id],
    });
    expect(again.body.reason).toBe('unknown_attachment');
  });

  it('keeps files on internal notes from customers', async () => {
    const c = (await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Photo', body: 'See photo.' }))
      .body;
    const up = await upload(w.agent, new Uint8Array([137, 80, 78, 71]), 'warehouse.png', 'image/png');
    await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/messages`, {
      body: 'Warehouse photo',
      visibility: 'internal',
      attachment_ids: [up.body.id],
    });
    expect((await download(w.alice, up.body.id)).statusCode).toBe(404);
    expect((await download(w.bob, up.body.id)).statusCode).toBe(404);
    expect((await download(w.agent2, up.body.id)).statusCode).toBe(200);
    const view = (await call(t, w.alice, 'GET', `/api/v1/cases/${c.id}`)).body;
    expect(view.attachments).toEqual([]);
  });

  it('refuses executables and files over the limit, leaving nothing behind', async () => {
    const exe = await upload(w.agent, 'MZ', 'setup.exe', 'application/x-msdownload');
    expect(exe.status).toBe(415);
    expect(exe.body.reason).toBe('attachment_type_not_allowed');
    const big = await upload(w.agent, 'x'.repeat(60_000), 'big.txt', 'text/plain');
    expect(big.status).toBe(413);
    expect(big.body.reason).toBe('file_too_large');
    const rows = await t.deps.db
      .selectFrom('attachments')
      .select('filename')
      .where('workspace_id', '=', w.ws.id)
      .execute();
    expect(rows.map((r) => r.filename)).not.toContain('big.txt');
  });

  it('another workspace cannot download or link it', async () => {
    const other = await makeWorkspace(t);
    const up = await upload(w.agent, 'private', 'p.txt', 'text/plain');
    expect((await download(other.admin, up.body.id)).statusCode).toBe(404);
    const c = await call(t, other.agent, 'POST', '/api/v1/cases', {
      subject: 's',
      body: 'b',
      customer_id: other.alice.id,
      attachment_ids: [up.body.id],
    });
    expect(c.body.reason).toBe('unknown_attachment');
  });
});
