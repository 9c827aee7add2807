import { describe, expect, it } from 'vitest';
import type { RealtimeMessage, RealtimeWatcher } from './realtime.ts';
import { createWorkspaceCache } from './workspace-cache.ts';

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const KEY = 'k1';

/** A feed and a flush signal the test drives by hand, and a clock. */
function setup(opts: { listening?: boolean; maxEntries?: number } = {}) {
  let watcher: RealtimeWatcher | undefined;
  let flushed: ((workspaces: string[]) => void) | undefined;
  let clock = 0;
  const cache = createWorkspaceCache<string>({
    hub: {
      watch: (w) => {
        watcher = w;
        return () => {
          watcher = undefined;
        };
      },
    },
    flushes: (listener) => {
      flushed = listener;
      return () => {
        flushed = undefined;
      };
    },
    keepMs: 1000,
    maxEntries: opts.maxEntries,
    now: () => clock,
  });
  if (opts.listening !== false) watcher?.onResync();
  const loads: string[] = [];
  const get = (ws: string, key = KEY) =>
    cache.get(ws, key, async () => {
      loads.push(ws);
      return `${ws}#${loads.length}`;
    });
  const note = (workspace_id: string, type = 'case.updated'): RealtimeMessage => ({
    workspace_id,
    type,
    case_id: null,
    actor: { kind: 'staff', id: null },
    data: {},
  });
  return {
    cache,
    get,
    loads,
    hear: (m: RealtimeMessage) => watcher?.onMessage(m),
    note,
    flush: (...ws: string[]) => flushed?.(ws),
    lose: () => watcher?.onLost(),
    resync: () => watcher?.onResync(),
    tick: (ms: number) => {
      clock += ms;
    },
    hooked: () => ({ watcher: Boolean(watcher), flushed: Boolean(flushed) }),
  };
}

describe('the workspace cache', () => {
  it('reads a workspace once while nothing changes, and shares a read in flight', async () => {
    const s = setup();
    const [first, second] = await Promise.all([s.get(A), s.get(A)]);
    expect(await s.get(A)).toBe(`${A}#1`);
    expect([first, second]).toEqual([`${A}#1`, `${A}#1`]);
    expect(s.loads).toEqual([A]);
  });

  it('reads again after a change of the workspace is heard or flushed here, not of another one', async () => {
    const s = setup();
    await s.get(A);
    await s.get(B);
    s.hear(s.note(B));
    expect(await s.get(A)).toBe(`${A}#1`);
    expect(await s.get(B)).toBe(`${B}#3`);
    s.flush(A);
    expect(await s.get(A)).toBe(`${A}#4`);
    expect(await s.get(B)).toBe(`${B}#3`);
  });

  it('keeps its copy through presence and personal notifications', async () => {
    const s = setup();
    await s.get(A);
    s.hear(s.note(A, 'presence.changed'));
    s.hear(s.note(A, 'notification.created'));
    expect(await s.get(A)).toBe(`${A}#1`);
  });

  it('does not keep a read that began before a change it did not see', async () => {
    const s = setup();
    let finish: (v: string) => void = () => {};
    const before = s.cache.get(A, KEY, () => new Promise<string>((r) => (finish = r)));
    s.flush(A);
    finish('old');
    expect(await before).toBe('old');
    expect(await s.get(A)).toBe(`${A}#1`);
  });

  it('reads again for another key, after its keeping time, and after a failed read', async () => {
    const s = setup();
    await s.get(A);
    expect(await s.get(A, 'k2')).toBe(`${A}#2`);
    s.tick(999);
    expect(await s.get(A, 'k2')).toBe(`${A}#2`);
    s.tick(1);
    expect(await s.get(A, 'k2')).toBe(`${A}#3`);
    await expect(s.cache.get(B, KEY, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await s.get(B)).toBe(`${B}#4`);
  });

  it('keeps each key of a workspace apart, and forgets them all on a change of the workspace', async () => {
    const s = setup();
    await s.get(A, 'k1');
    await s.get(A, 'k2');
    expect([await s.get(A, 'k1'), await s.get(A, 'k2')]).toEqual([`${A}#1`, `${A}#2`]);
    s.flush(A);
    expect([await s.get(A, 'k1'), await s.get(A, 'k2')]).toEqual([`${A}#3`, `${A}#4`]);
  });

  it('starts over rather than keep more than maxEntries answers', async () => {
    const s = setup({ maxEntries: 2 });
    await s.get(A, 'k1');
    await s.get(B, 'k1');
    expect(await s.get(A, 'k1')).toBe(`${A}#1`);
    expect(await s.get(A, 'k2')).toBe(`${A}#3`);
    expect(await s.get(B, 'k1')).toBe(`${B}#4`);
    expect(await s.get(A, 'k2')).toBe(`${A}#3`);
  });

  it('makes room from answers past their time before it starts over', async () => {
    const s = setup({ maxEntries: 2 });
    await s.get(A, 'k1');
    s.tick(1000);
    await s.get(B, 'k1');
    // Full: A's answer is past its time, so it goes and B's stays.
    expect(await s.get(B, 'k2')).toBe(`${B}#3`);
    expect(await s.get(B, 'k1')).toBe(`${B}#2`);
    expect(await s.get(B, 'k2')).toBe(`${B}#3`);
  });

  it('does not count twice a failed read whose workspace was forgotten meanwhile', async () => {
    const s = setup({ maxEntries: 2 });
    let fail: (e: Error) => void = () => {};
    const failing = s.cache.get(A, KEY, () => new Promise<string>((_, reject) => (fail = reject)));
    s.flush(A);
    fail(new Error('down'));
    await expect(failing).rejects.toThrow('down');
    // Two answers fill the cache; a third starts it over, so the first is read again.
    await s.get(B, 'k1');
    await s.get(B, 'k2');
    await s.get(B, 'k3');
    expect(await s.get(B, 'k1')).toBe(`${B}#4`);
  });

  it('keeps nothing before the feed listens, while it is lost, and after close', async () => {
    const s = setup({ listening: false });
    await s.get(A);
    await s.get(A);
    expect(s.loads).toHaveLength(2);
    s.resync();
    await s.get(A);
    await s.get(A);
    expect(s.loads).toHaveLength(3);
    s.lose();
    await s.get(A);
    await s.get(A);
    expect(s.loads).toHaveLength(5);
    s.resync();
    await s.get(A);
    expect(s.loads).toHaveLength(6);
    s.cache.close();
    expect(s.hooked()).toEqual({ watcher: false, flushed: false });
    await s.get(A);
    expect(s.loads).toHaveLength(7);
  });
});
