export type CoalesceTimes = {
  /** How long a first request waits for the ones that come with it (one change sends several). */
  settleMs: number;
  /** The least time between two runs of one key. */
  windowMs: number;
};

/**
 * Runs `run(key)` once for the requests of a key that come close together: `settleMs` after the
 * first, and never sooner than `windowMs` after the key's last run. A request that comes while a
 * run waits joins it; one that comes after a run waits for the next, so the last change is never
 * missed.
 *
 * Why: every live event made every open console refetch its queue and its sidebar counts, and one
 * change sends several events (a new case: the case and its first message), a bulk change one per
 * case. A console refetched each query once per event (docs/decisions.md, 2026-12-04).
 */
export function createCoalescer(run: (key: string) => void, times: CoalesceTimes) {
  const lastRun = new Map<string, number>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const fire = (key: string) => {
    pending.delete(key);
    lastRun.set(key, Date.now());
    run(key);
  };
  return {
    request(key: string) {
      if (pending.has(key)) return;
      const now = Date.now();
      const at = Math.max(
        now + times.settleMs,
        (lastRun.get(key) ?? Number.NEGATIVE_INFINITY) + times.windowMs,
      );
      pending.set(
        key,
        setTimeout(() => fire(key), at - now),
      );
    },
    /** Drops the runs still waiting (the stream is closed: nothing is shown any more). */
    dispose() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
