/**
 * Runs `run(key)` at most once per `windowMs` for each key: the first request at once, and any
 * that come while the window is open once more at its end, so the last change is never missed.
 *
 * Why: every live event made every open console refetch its queue and its sidebar counts, and one
 * reply sends several events (the message, the case's update), a bulk change one per case. Fifty
 * agents and a burst of twenty events were two thousand requests in a second, almost all of them
 * answered again by the next (docs/decisions.md, 2026-12-04).
 */
export function createCoalescer(run: (key: string) => void, windowMs: number) {
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
      const wait = (lastRun.get(key) ?? Number.NEGATIVE_INFINITY) + windowMs - Date.now();
      if (wait <= 0) fire(key);
      else
        pending.set(
          key,
          setTimeout(() => fire(key), wait),
        );
    },
    /** Drops the refreshes still waiting (the stream is closed: nothing is shown any more). */
    dispose() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
