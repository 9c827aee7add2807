import pg from 'pg';
import { startBenchDatabase } from './cluster.ts';
import { writeExplain } from './explain.ts';
import { PROFILES } from './profiles.ts';
import { seed } from './seed.ts';
const n = Number(process.argv[2] ?? 2000);
const p = { ...PROFILES.quick, cases: n, messages: n * 3 };
const db = await startBenchDatabase(undefined);
try {
  const t1 = performance.now();
  const f = await seed(db.url, p, (s) => console.log(Math.round(performance.now() - t1), s));
  console.log('seed ms', Math.round(performance.now() - t1), f.counts);
  await writeExplain(db.url, f, f.agentId, '/tmp/benchdev/explain.txt');
  const c = new pg.Client(db.url);
  await c.connect();
  for (const q of process.argv.slice(3)) console.log(q, (await c.query(q)).rows);
  await c.end();
} finally {
  await db.stop();
}
