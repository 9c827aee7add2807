import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { installErrorHandling } from './http.ts';

async function appThrowing(err: unknown) {
  const app = Fastify({ logger: false });
  installErrorHandling(app);
  app.get('/x', async () => {
    throw err;
  });
  await app.ready();
  return app.inject({ method: 'GET', url: '/x' });
}

describe('error handling', () => {
  it('turns an AppError into problem+json with its code and reason', async () => {
    const res = await appThrowing(new AppError('conflict', 'The case changed', { reason: 'case_changed' }));
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 409,
      code: 'conflict',
      reason: 'case_changed',
      detail: 'The case changed',
      title: 'Conflict',
    });
  });

  it('never shows the cause of a 500', async () => {
    const res = await appThrowing(new Error('password=hunter2 at db.internal:5432'));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(res.json()).toMatchObject({ status: 500, reason: 'internal_error' });
    expect(res.json().detail).toContain(res.json().request_id);
  });
});
