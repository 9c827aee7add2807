import type { CaseListQuery } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import type { StaffActor } from '../../infra/actor.ts';
import { AppError } from '../../infra/errors.ts';
import { presentCaseSummary } from './cases.present.ts';
import { decodeDueCursor, encodeDueCursor } from './cases.rules.ts';
import { casesWithDue, casesWithoutDue } from './cases-due.queries.ts';

/**
 * The queue by "due soonest": cases whose service-level clock runs, soonest (most overdue) first,
 * then the rest by case number. Two keyset walks, the second only once the first is used up.
 */
export async function listCasesByDue(deps: Deps, actor: StaffActor, filters: CaseListQuery) {
  const cursor = filters.cursor ? decodeDueCursor(filters.cursor) : null;
  if (filters.cursor && !cursor)
    throw new AppError('invalid', 'The cursor is not one we gave out', { reason: 'invalid_cursor' });
  const scope = { workspaceId: actor.workspaceId, staffId: actor.staffId };
  const want = filters.limit + 1;
  const rows = cursor?.due === null ? [] : await casesWithDue(deps.db, scope, filters, cursor);
  if (rows.length < want)
    rows.push(...(await casesWithoutDue(deps.db, scope, filters, cursor, want - rows.length)));
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentCaseSummary(r, actor.kind)),
    next_cursor:
      rows.length > filters.limit && last
        ? encodeDueCursor({ due: last.due?.toISOString() ?? null, id: last.id, number: last.number })
        : null,
  };
}
