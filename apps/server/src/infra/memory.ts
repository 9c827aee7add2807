import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Frees the garbage start-up leaves behind, once, so an idle server holds only what it uses.
 *
 * Loading and compiling every module grows V8's young generation to its cap (two 32 MB
 * semi-spaces, `--max-semi-space-size`) and nothing shrinks it while the server waits for its first
 * request: ~60 MB of resident memory that holds no live object (docs/decisions.md, 2026-11-28). A
 * regular full collection empties the semi-spaces but keeps them committed; only a memory-reducing
 * one ("last resort") shrinks them, and V8 offers that only through the `gc` function of
 * `--expose-gc`. The flag is set here and `gc` taken from a fresh context, so it is not a global
 * the rest of the app could call. Under load the young generation grows back as it needs to.
 *
 * The collection blocks the event loop for ~0.2 s, so it runs once, a moment after the server has
 * started listening (a request that arrives meanwhile waits that long), and never again.
 */
export function releaseStartupGarbage(afterMs: number): void {
  const timer = setTimeout(() => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as (o: object) => void;
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  }, afterMs);
  timer.unref();
}
