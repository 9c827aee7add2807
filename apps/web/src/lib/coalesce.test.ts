import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoalescer } from './coalesce.ts';

const TIMES = { settleMs: 150, windowMs: 1000 };

describe('createCoalescer', () => {
  let runs: string[];
  let c: ReturnType<typeof createCoalescer>;
  beforeEach(() => {
    vi.useFakeTimers();
    runs = [];
    c = createCoalescer((k) => runs.push(k), TIMES);
  });
  afterEach(() => vi.useRealTimers());

  it('runs a request once the requests that come with it are in', () => {
    c.request('counts');
    vi.advanceTimersByTime(5);
    c.request('counts');
    vi.advanceTimersByTime(144);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual(['counts']);
    vi.advanceTimersByTime(5000);
    expect(runs).toEqual(['counts']);
  });

  it('folds a burst into one run a window', () => {
    for (let i = 0; i < 20; i++) {
      c.request('counts');
      vi.advanceTimersByTime(10);
    }
    // The first run at 150 ms took the requests until then; the rest wait for its window to end.
    expect(runs).toEqual(['counts']);
    vi.advanceTimersByTime(1149 - 200);
    expect(runs).toEqual(['counts']);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual(['counts', 'counts']);
    vi.advanceTimersByTime(5000);
    expect(runs).toEqual(['counts', 'counts']);
  });

  it('waits only the settling time after a quiet window', () => {
    c.request('counts');
    vi.advanceTimersByTime(1150);
    c.request('counts');
    vi.advanceTimersByTime(150);
    expect(runs).toEqual(['counts', 'counts']);
  });

  it('keeps each key to its own window', () => {
    c.request('counts');
    vi.advanceTimersByTime(150);
    c.request('cases');
    c.request('counts');
    vi.advanceTimersByTime(150);
    expect(runs).toEqual(['counts', 'cases']);
    vi.advanceTimersByTime(850);
    expect(runs).toEqual(['counts', 'cases', 'counts']);
  });

  it('runs nothing more once disposed', () => {
    c.request('counts');
    c.dispose();
    vi.advanceTimersByTime(2000);
    expect(runs).toEqual([]);
  });
});
