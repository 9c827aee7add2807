import type { QueueCounts } from '../lib/types.ts';

export type QueueDef = {
  key: string;
  label: string;
  filters: Record<string, string>;
  count: (c: QueueCounts) => number;
};

/** The sidebar's queues: each is a saved filter over GET /cases, with its count from /cases/counts. */
export const QUEUES: QueueDef[] = [
  {
    key: 'mine',
    label: 'My open cases',
    filters: { assignee_id: 'me', status: 'new,open,pending,on_hold' },
    count: (c) => c.mine,
  },
  {
    key: 'unassigned',
    label: 'Unassigned',
    filters: { assignee_id: 'none', status: 'new,open' },
    count: (c) => c.unassigned,
  },
  { key: 'open', label: 'All open', filters: { status: 'new,open' }, count: (c) => c.all_open },
  { key: 'pending', label: 'Pending', filters: { status: 'pending' }, count: (c) => c.pending },
  { key: 'on_hold', label: 'On hold', filters: { status: 'on_hold' }, count: (c) => c.on_hold },
  { key: 'solved', label: 'Solved recently', filters: { status: 'solved' }, count: (c) => c.solved_recently },
];

export const teamQueue = (teamId: string): Record<string, string> => ({
  team_id: teamId,
  status: 'new,open',
});

/** The ids of the list last shown, so "next case" can move through it from the case view. */
const KEY = 'fairdesk.lastQueue';
export const rememberQueue = (ids: string[], url: string) =>
  sessionStorage.setItem(KEY, JSON.stringify({ ids, url }));
export function nextInQueue(currentId: string, step: 1 | -1): string | null {
  try {
    const { ids } = JSON.parse(sessionStorage.getItem(KEY) ?? '{"ids":[]}') as { ids: string[] };
    const i = ids.indexOf(currentId);
    return i < 0 ? (ids[0] ?? null) : (ids[i + step] ?? null);
  } catch {
    return null;
  }
}
export function lastQueueUrl(): string {
  try {
    return (JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as { url?: string }).url ?? '/queues/mine';
  } catch {
    return '/queues/mine';
  }
}
