// What the database's backends are doing while a scenario runs: sampled from pg_stat_activity every
// 100 ms and printed beside the figures. A scenario whose backends mostly wait on a Lock is bound by
// row-lock serialisation (and pg_locks names the table whose rows are queued for); one whose
// backends are mostly idle is bound by the app or the load generator.
import { connect } from './cluster.ts';

const SAMPLE = `
  select 'b' as kind, case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'CPU')
    else state end as what, count(*)::int as n
  from pg_stat_activity
  where datname = current_database() and pid <> pg_backend_pid() and state is not null
  group by 2
  union all
  -- Rows with a queue of writers: the first waiter holds a tuple lock, the others wait for it.
  select 'r', relation::regclass::text, count(*)::int from pg_locks
  where locktype = 'tuple' and database = (select oid from pg_database where datname = current_database())
  group by 2`;

type Row = { kind: 'b' | 'r'; what: string; n: number };

const shares = (m: Map<string, number>) => {
  const total = [...m.values()].reduce((a, b) => a + b, 0);
  return [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([k, n]) => `${k} ${Math.round((100 * n) / total)}%`)
    .join(', ');
};

export async function sampleWaits(url: string) {
  const client = await connect(url);
  const backends = new Map<string, number>();
  const rowQueues = new Map<string, number>();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    client
      .query<Row>(SAMPLE)
      .then(({ rows }) => {
        for (const r of rows) {
          const m = r.kind === 'b' ? backends : rowQueues;
          m.set(r.what, (m.get(r.what) ?? 0) + r.n);
        }
      })
      .catch(() => {})
      .finally(() => {
        busy = false;
      });
  }, 100);
  return {
    /** Stops sampling; says what backends did, e.g. "Lock:transactionid 61%, idle 30%; row queues: …". */
    stop: async (): Promise<string> => {
      clearInterval(timer);
      await client.end().catch(() => {});
      return `${shares(backends)}${rowQueues.size ? `; row-lock queues on ${shares(rowQueues)}` : ''}`;
    },
  };
}
