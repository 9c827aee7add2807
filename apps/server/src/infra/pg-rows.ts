import type pg from 'pg';

// pg builds each row object by copying a null-prototype template (`{ ...template }`, a slow clone in
// V8) and then storing every column by its name, a store V8 cannot specialise because the name
// changes with each column: on a queue page of 51 rows and 27 columns that was ~6% of the app's CPU
// in a `perf` profile (docs/performance-history.md, 2026-11-29). The app pool asks for rows as arrays
// (`rowMode: 'array'`) and builds the objects here, with one small function per column list that
// writes an object literal: the same keys and values as pg's rows, made in one step and all of
// one shape, which is also what the presenters then read fastest.

type Build = (values: unknown[]) => Record<string, unknown>;

/** Column lists the app reads are few (one per statement shape); past this, new ones are not kept. */
const MAX_SHAPES = 2000;
const builders = new Map<string, Build>();

/** By a loop, defining each column as an own property (as pg's rows have them, whatever the name). */
const byLoop =
  (names: string[]): Build =>
  (values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      Object.defineProperty(row, names[i]!, {
        value: values[i],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return row;
  };

function compile(names: string[]): Build {
  // `__proto__` as a literal key would set the prototype instead of a column; such a list (never
  // ours, but a statement may alias anything) is built by the loop.
  if (names.includes('__proto__')) return byLoop(names);
  // The last column of a name wins, as with pg's assignments; a literal keeps a repeated key's
  // first position and its last value, which is what assigning in order gives too.
  const body = names.map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(', ');
  return new Function('v', `return { ${body} };`) as Build;
}

function builderFor(fields: pg.FieldDef[]): Build {
  const names = fields.map((f) => f.name);
  const key = names.join('\u0000');
  let build = builders.get(key);
  if (!build) {
    build = compile(names);
    if (builders.size < MAX_SHAPES) builders.set(key, build);
  }
  return build;
}

/** A result read with `rowMode: 'array'`, with its rows as the objects pg would have made. */
export function withObjectRows(result: pg.QueryResult<unknown[]>): pg.QueryResult<Record<string, unknown>> {
  const arrays = result.rows;
  if (!arrays || arrays.length === 0) return result as unknown as pg.QueryResult<Record<string, unknown>>;
  const build = builderFor(result.fields);
  const rows = new Array<Record<string, unknown>>(arrays.length);
  for (let i = 0; i < arrays.length; i++) rows[i] = build(arrays[i]!);
  const shaped = result as unknown as pg.QueryResult<Record<string, unknown>>;
  shaped.rows = rows;
  return shaped;
}
