import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig: inbound TLS and the secret key', () => {
  it.each([
    [{}, null],
    [{ INBOUND_SMTP_TLS_KEY: '/k.pem', INBOUND_SMTP_TLS_CERT: '/c.pem' }, null],
    [{ INBOUND_SMTP_TLS_KEY: '/k.pem' }, /go together/],
    [{ INBOUND_SMTP_TLS_CERT: '/c.pem' }, /go together/],
    [{ SECRET_KEY: 'short' }, /SECRET_KEY must be at least 32 characters/],
    [{ SECRET_KEY: 's'.repeat(32) }, null],
  ])('%o', (env, problem) => {
    if (problem) expect(() => loadConfig(env)).toThrow(problem);
    else expect(loadConfig(env)).toMatchObject(env);
  });
});
