export type CoalesceTimes = {
  /** How long a first request waits for the ones that come with it (one change sends several). */
  settleMs: number;
  /** The least time between two runs of one key. */
  windowMs: number;
};

/**
 * Runs `run(key)` once for the requests of a key that come close together: `settleMs` after the
 * first, and never sooner than `windowMs` after the key's last run. A request that comes while a
 * run waits joins it; one that comes after a run waits for the end of its window, so the last
 * change is never missed. A key is forgotten once its window passes quietly: a console open all
 * day keeps only the keys of the last second, not one per case it ever heard of.
 *
 * Why: every live event made every open console refetch its queue and its sidebar counts, and one
 * change sends several events (a new case: the case and its first message), a bulk change one per
 * case. A console refetched each query once per event (docs/decisions.md, 2026-12-04).
 */
export function createCoalescer(run: (key: string) => void, times: CoalesceTimes) {
  // A key waits for its run (`due` is then moot) or cools down after one (`due`: run at its end).
  type State = { phase: 'waiting' | 'cooling'; due: boolean; timer: ReturnType<typeof setTimeout> };
  const keys = new Map<string, State>();
  const fire = (key: string) => {
    run(key);
    const cooled = () => (keys.get(key)?.due ? fire(key) : keys.delete(key));
    keys.set(key, { phase: 'cooling', due: false, timer: setTimeout(cooled, times.windowMs) });
  };
  return {
    request(key: string) {
      const state = keys.get(key);
      if (!state)
        keys.set(key, { phase: 'waiting', due: false, timer: setTimeout(() => fire(key), times.settleMs) });
      else if (state.phase === 'cooling') state.due = true;
    },
    /** Drops the runs still waiting (the stream is closed: nothing is shown any more). */
    dispose() {
      for (const { timer } of keys.values()) clearTimeout(timer);
      keys.clear();
    },
  };
}
