import { notifyError } from '../../lib/notify.ts';

type Checks = typeof import('./validation.ts');

let loading: Promise<Checks> | null = null;

/**
 * The contract's schemas come with Zod (~30 KB gzipped), too heavy for the portal's first load.
 * They load on demand: forms call `prefetchChecks` when first focused, and await `checks` on submit.
 */
export const checks = (): Promise<Checks> => {
  loading ??= import('./validation.ts').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
};

export const prefetchChecks = () => void checks().catch(() => {});

/** Runs `fn` with the checks loaded; says so in words when they cannot be fetched (offline). */
export async function withChecks(fn: (c: Checks) => void) {
  try {
    fn(await checks());
  } catch (err) {
    notifyError(err, 'The form could not be checked: check your connection and try again');
  }
}
