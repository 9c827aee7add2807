// What the database's backends are doing while a scenario runs: sampled from pg_stat_activity every
// 100 ms and printed beside the figures. A scenario whose backends mostly wait on a Lock is bound by
// row-lock serialisation; one whose backends are mostly idle is bound by the app or the client.
import { connect } from './cluster.ts';

const SAMPLE = `
  select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'CPU')
    else state end as what, count(*)::int as n
  from pg_stat_activity
  where datname = current_database() and pid <> pg_backend_pid() and state is not null
  group by 1`;

export async function sampleWaits(url: string) {
  const client = await connect(url);
  const counts = new Map<string, number>();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    client
      .query<{ what: string; n: number }>(SAMPLE)
      .then(({ rows }) => {
        for (const r of rows) counts.set(r.what, (counts.get(r.what) ?? 0) + r.n);
      })
      .catch(() => {})
      .finally(() => {
        busy = false;
      });
  }, 100);
  return {
    /** Stops sampling; returns the shares of backend samples, largest first, e.g. "Lock:tuple 61%". */
    stop: async (): Promise<string> => {
      clearInterval(timer);
      await client.end().catch(() => {});
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      return [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([k, n]) => `${k} ${Math.round((100 * n) / total)}%`)
        .join(', ');
    },
  };
}
