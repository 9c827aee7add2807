import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoalescer } from './coalesce.ts';

describe('createCoalescer', () => {
  let runs: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    runs = [];
  });
  afterEach(() => vi.useRealTimers());

  it('runs the first request at once', () => {
    const c = createCoalescer((k) => runs.push(k), 1000);
    c.request('counts');
    expect(runs).toEqual(['counts']);
  });

  it('folds a burst into one more run at the end of the window', () => {
    const c = createCoalescer((k) => runs.push(k), 1000);
    for (let i = 0; i < 20; i++) {
      c.request('counts');
      vi.advanceTimersByTime(10);
    }
    expect(runs).toEqual(['counts']);
    vi.advanceTimersByTime(799);
    expect(runs).toEqual(['counts']);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual(['counts', 'counts']);
    vi.advanceTimersByTime(5000);
    expect(runs).toEqual(['counts', 'counts']);
  });

  it('runs at once again after a quiet window', () => {
    const c = createCoalescer((k) => runs.push(k), 1000);
    c.request('counts');
    vi.advanceTimersByTime(1000);
    c.request('counts');
    expect(runs).toEqual(['counts', 'counts']);
  });

  it('keeps each key to its own window', () => {
    const c = createCoalescer((k) => runs.push(k), 1000);
    c.request('counts');
    c.request('cases');
    c.request('counts');
    expect(runs).toEqual(['counts', 'cases']);
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual(['counts', 'cases', 'counts']);
  });

  it('runs nothing more once disposed', () => {
    const c = createCoalescer((k) => runs.push(k), 1000);
    c.request('counts');
    c.request('counts');
    c.dispose();
    vi.advanceTimersByTime(2000);
    expect(runs).toEqual(['counts']);
  });
});
