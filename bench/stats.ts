// One way to turn a run's latencies into figures, shared by the HTTP scenarios and the ceiling, so
// both sides of every ratio are computed identically. Latencies are kept whole and sorted (a run
// holds at most a few hundred thousand), which gives exact percentiles, including p95 that
// autocannon's own summary does not report.

export type ScenarioResult = {
  name: string;
  connections: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  errors: number;
  /**
   * CPU milliseconds per completed request: the app process's and the PostgreSQL cluster's (all its
   * processes). Unlike req/s, these hardly move when other work shares the machine, so they say
   * what a request costs; 2 cores / (app + db) is roughly what an otherwise idle machine could do.
   * Absent when not measured (the app for a ceiling; the database with DATABASE_URL).
   */
  cpu_app_ms?: number;
  cpu_db_ms?: number;
};

/** The value below which `p` percent of the sorted samples fall (nearest rank). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

export function summarise(
  name: string,
  connections: number,
  latenciesMs: number[],
  seconds: number,
  errors: number,
): ScenarioResult {
  const sorted = Float64Array.from(latenciesMs).sort();
  return {
    name,
    connections,
    rps: round(seconds > 0 ? latenciesMs.length / seconds : 0, 1),
    p50_ms: round(percentile(sorted, 50), 2),
    p95_ms: round(percentile(sorted, 95), 2),
    p99_ms: round(percentile(sorted, 99), 2),
    errors,
  };
}
