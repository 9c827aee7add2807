import { notifications } from '@mantine/notifications';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api.ts';
import { notifyDone } from '../../lib/notify.ts';
import { useAdminAccess } from './access.ts';
import { explain } from './words.ts';

type Action<V, R> = {
  run: (vars: V) => Promise<R>;
  /** What happened, said in the notification. */
  done: string | ((result: R, vars: V) => string);
  /** The heading of the error notification, e.g. "The team was not saved". */
  failed: string;
  /** Queries to refresh after success. */
  refresh?: QueryKey[];
  onDone?: (result: R, vars: V) => void;
  onFailed?: (err: unknown) => void;
};

/**
 * A mutation that always tells the person what happened: a notification on success, the server's
 * words on failure, and a 403 inside the admin area closes the area politely.
 */
export function useAction<V, R>(a: Action<V, R>) {
  const qc = useQueryClient();
  const deny = useAdminAccess();
  return useMutation({
    mutationFn: a.run,
    onSuccess: (result, vars) => {
      for (const key of a.refresh ?? []) void qc.invalidateQueries({ queryKey: key });
      notifyDone(typeof a.done === 'function' ? a.done(result, vars) : a.done);
      a.onDone?.(result, vars);
    },
    onError: (err) => {
      if (deny && err instanceof ApiError && err.status === 403) deny(err);
      notifications.show({ color: 'red', title: a.failed, message: explain(err), autoClose: 7000 });
      a.onFailed?.(err);
    },
  });
}
