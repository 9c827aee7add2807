import type { CaseListQuery } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../infra/actor.ts';
import { AppError } from '../../infra/errors.ts';
import type { WorkspaceCache } from '../../infra/workspace-cache.ts';
import * as listed from './case-list.queries.ts';
import { presentCaseSummary } from './cases.present.ts';
import { decodeCursor, encodeCursor, keptListKey } from './cases.rules.ts';
import { listCasesByDue } from './cases-due.service.ts';

/**
 * Longest a staff list page is kept, whatever is heard. Short, because the worker's service-level
 * recompute after each write moves cases in the "due soonest" order without an event: a page kept
 * from before it shows the old order for at most this long (a console without it would show the
 * old order until the next event).
 */
export const LIST_KEEP_MS = 1_000;
/** Pages kept per process, all workspaces together: the loaded pages of each desk's queues. */
export const LIST_MAX_ENTRIES = 256;

export type CasePage = Awaited<ReturnType<typeof readCases>>;

/**
 * A page of cases as this actor may see it. Staff pages (but a text query's) are read once for
 * every console of the workspace that asks for the same one while nothing changes (`cache`,
 * infra/workspace-cache.ts): each console refetches its queue after each change of the workspace.
 * A customer's own list is always read.
 */
export function listCases(
  deps: Deps,
  actor: Actor,
  filters: CaseListQuery,
  cache?: WorkspaceCache<CasePage>,
): Promise<CasePage> {
  const key = cache && actor.kind === 'staff' ? keptListKey(actor.staffId, filters) : null;
  if (!cache || key === null) return readCases(deps, actor, filters);
  return cache.get(actor.workspaceId, key, () => readCases(deps, actor, filters));
}

async function readCases(deps: Deps, actor: Actor, filters: CaseListQuery) {
  if (filters.sort === 'due') {
    // Customers never see service levels, so they cannot sort by them either.
    if (actor.kind === 'customer')
      throw new AppError('invalid', 'sort=due is for staff', { reason: 'invalid_sort' });
    return listCasesByDue(deps, actor, filters);
  }
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  if (filters.cursor && !cursor)
    throw new AppError('invalid', 'The cursor is not one we gave out', { reason: 'invalid_cursor' });
  if (actor.kind === 'customer' && filters.assignee_id === 'me') {
    throw new AppError('invalid', 'assignee_id=me is for staff', { reason: 'invalid_filter' });
  }
  const scope =
    actor.kind === 'customer'
      ? { workspaceId: actor.workspaceId, customerId: actor.customerId }
      : { workspaceId: actor.workspaceId, staffId: actor.staffId };
  const rows = await listed.listCases(deps.db, scope, filters, cursor);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  const sortAt = (r: (typeof page)[number]) =>
    filters.sort === 'updated_desc' ? r.updated_at : r.created_at;
  return {
    items: page.map((r) => presentCaseSummary(r, actor.kind)),
    next_cursor:
      rows.length > filters.limit && last
        ? encodeCursor({ at: sortAt(last).toISOString(), id: last.id })
        : null,
  };
}
