// `--explain`: the plans of the read queries that grow with the dataset, with real timings and
// buffers, written beside the results so a slow figure can be traced to its plan.
import { writeFile } from 'node:fs/promises';
import { queuePageSql, type Statement, searchSql } from './capture.ts';
import { connect } from './cluster.ts';
import type { Fixtures } from './seed.ts';
import { WORDS } from './vocabulary.ts';

export async function writeExplain(url: string, f: Fixtures, staffId: string, file: string) {
  const searches = [
    WORDS[0]!,
    WORDS[1]!,
    WORDS[150]!,
    WORDS[WORDS.length - 1]!,
    `${WORDS[20]} ${WORDS[200]}`,
  ];
  const plans: [string, Statement][] = [
    [
      'queue page: the due walk of a team\u2019s new and open cases, first 50 ids',
      (await queuePageSql(f.workspaceId, staffId, f.teamIds[0]!)).walk,
    ],
  ];
  for (const q of searches) plans.push([`search "${q}"`, await searchSql(f.workspaceId, q)]);
  const c = await connect(url);
  const out: string[] = [];
  try {
    for (const [title, s] of plans) {
      await c.query({ text: s.sql, values: [...s.parameters] }); // once to warm the cache, as under load
      const { rows } = await c.query({
        text: `explain (analyze, buffers, costs off) ${s.sql}`,
        values: [...s.parameters],
      });
      out.push(`== ${title}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
    }
  } finally {
    await c.end();
  }
  await writeFile(file, out.join('\n'));
}
