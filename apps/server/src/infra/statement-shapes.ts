import { CompiledQuery } from 'kysely';
import type { Executor } from './db.ts';

// Kysely builds and compiles a statement from scratch on every call: for the case view's one
// statement that was ~43 µs of the ~500 µs of app CPU a view costs (docs/performance-history.md,
// 2026-11-29), for a text that is the same every time its shape is. A statement by shape is
// compiled once per shape: `build` gets the shape and, in place of each value, a marker; the
// markers' places in the compiled parameters say where each value goes on every later call.
//
// The contract that keeps this safe: `build` decides the statement's form from `shape` alone (all
// of which is the cache key) and only passes the values on as parameters. It cannot branch on a
// value, since it only ever sees markers; a marker that shows up in the text instead of the
// parameters (a value spliced in raw) is a programming error and throws at the first call.

const MARK = '\u0000fd-value:';
/** Shapes are few (a handful of flags per statement); past this, a call builds its statement afresh. */
const MAX_SHAPES = 64;

type Compiles<R> = { compile(): CompiledQuery<R> };
type Slot<P> = { key: keyof P } | { constant: unknown };

export function statementByShape<S, P extends Record<string, unknown>, R>(
  build: (db: Executor, shape: S, values: P) => Compiles<R>,
) {
  const shapes = new Map<string, { sql: string; slots: Slot<P>[] }>();

  const compileShape = (db: Executor, shape: S, values: P) => {
    const markers = Object.fromEntries(Object.keys(values).map((k) => [k, MARK + k])) as P;
    const compiled = build(db, shape, markers).compile();
    if (compiled.sql.includes(MARK)) {
      throw new Error(
        'statementByShape: a value was written into the statement text, not passed as a parameter',
      );
    }
    const slots = compiled.parameters.map(
      (p): Slot<P> =>
        typeof p === 'string' && p.startsWith(MARK)
          ? { key: p.slice(MARK.length) as keyof P }
          : { constant: p },
    );
    return { sql: compiled.sql, slots };
  };

  /** The statement for this shape with these values, compiled (from the cache after the first call). */
  return (db: Executor, shape: S, values: P): CompiledQuery<R> => {
    const key = JSON.stringify(shape);
    let entry = shapes.get(key);
    if (!entry) {
      entry = compileShape(db, shape, values);
      if (shapes.size < MAX_SHAPES) shapes.set(key, entry);
    }
    const parameters = entry.slots.map((s) => ('key' in s ? values[s.key] : s.constant));
    return CompiledQuery.raw(entry.sql, parameters) as CompiledQuery<R>;
  };
}

/** A statement with one form (statementByShape with no shape): its rows for these values. */
export function statementOnce<P extends Record<string, unknown>, R>(
  build: (db: Executor, values: P) => Compiles<R>,
) {
  const statement = statementByShape((db, _form: null, values: P) => build(db, values));
  return (db: Executor, values: P): Promise<R[]> =>
    db.executeQuery(statement(db, null, values)).then((r) => r.rows);
}
