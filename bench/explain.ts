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
      'queue page: a team\u2019s new and open cases by next due time, first 50',
      (await queuePageSql(f.workspaceId, staffId, f.teamIds[0]!)).page,
    ],
  ];
  for (const q of searches) plans.push([`search "${q}"`, await searchSql(f.workspaceId, q)]);
  const c = await connect(url);
  const out: string[] = [];
  // The search's candidates come from a SQL function, whose inner plan EXPLAIN does not show;
  // auto_explain sends the plans of nested statements to this client as notices.
  const nested: string[] = [];
  c.on('notice', (n) => nested.push(n.message ?? ''));
  await c.query(`load 'auto_explain'`);
  for (const setting of [
    'log_min_duration = 0',
    'log_nested_statements = on',
    'log_analyze = on',
    'log_buffers = on',
    'log_level = notice',
  ])
    await c.query(`set auto_explain.${setting}`);
  try {
    for (const [title, s] of plans) {
      await c.query({ text: s.sql, values: [...s.parameters] }); // once to warm the cache, as under load
      nested.length = 0;
      const { rows } = await c.query({
        text: `explain (analyze, buffers, costs off) ${s.sql}`,
        values: [...s.parameters],
      });
      // The function's probes by day (message bodies' by parts of days, 20261204T0200_search_day_parts)
      // and its older step (migration 20261125T0100_search_by_day).
      const inner = nested.filter((m) => /search_day(_part)?_terms\(/.test(m) || m.includes('< horizon'));
      out.push(
        `== ${title}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n${inner.map((m) => `-- inside:\n${m}\n`).join('')}`,
      );
    }
  } finally {
    await c.end();
  }
  await writeFile(file, out.join('\n'));
}
