import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import { notifyError } from '../../lib/notify.ts';
import type { NotificationList, NotificationsRead } from './types.ts';

/** The query key the live feed refreshes on `notification.*` signals. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;

type Pages = InfiniteData<NotificationList, string | null>;

/** The newest notifications (20 a page) and the unread count; the live feed keeps them current. */
export function useNotifications() {
  const query = useInfiniteQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: ({ pageParam, signal }) =>
      api<NotificationList>(`/notifications${qs({ limit: 20, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const pages = query.data?.pages;
  return {
    query,
    items: pages?.flatMap((p) => p.items),
    unread: pages?.[0]?.unread ?? 0,
  };
}

/** Shows items read at once (one by id, or all); the server's answer and the live signal confirm it. */
function markLocally(data: Pages | undefined, id: string | null, now: string): Pages | undefined {
  if (!data) return data;
  let marked = 0;
  const pages = data.pages.map((p) => ({
    ...p,
    items: p.items.map((n) => {
      if (n.read_at || (id && n.id !== id)) return n;
      marked++;
      return { ...n, read_at: now };
    }),
  }));
  const unread = id ? Math.max(0, (pages[0]?.unread ?? 0) - marked) : 0;
  return { ...data, pages: pages.map((p) => ({ ...p, unread })) };
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) =>
      api<NotificationsRead>(id ? `/notifications/${id}/read` : '/notifications/read-all', {
        method: 'POST',
      }),
    onMutate: (id) => {
      qc.setQueryData<Pages>(NOTIFICATIONS_KEY, (data) => markLocally(data, id, new Date().toISOString()));
    },
    onError: (err) => notifyError(err, 'Could not mark it read'),
    onSettled: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
