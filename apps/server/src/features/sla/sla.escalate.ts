import type { Executor } from '../../infra/db.ts';
import { notifyAndName, whoToTell } from '../notifications/index.ts';

const TARGET_WORDS: Record<string, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  resolution: 'Resolution',
};

/**
 * Tells the people who can act, in the event's transaction: a warning goes to the assignee, a
 * breach to the assignee and the team's supervisors. Returns who was told, for the event's record.
 */
export async function escalate(
  trx: Executor,
  workspaceId: string,
  caseId: string,
  e: { type: 'sla.warning' | 'sla.breached'; data: Record<string, unknown> },
) {
  const breach = e.type === 'sla.breached';
  const people = await whoToTell(trx, workspaceId, caseId, breach ? 'assignee_and_supervisors' : 'assignee');
  const target = String(e.data.target);
  const told = await notifyAndName(trx, {
    workspaceId,
    caseId,
    staffIds: people.map((p) => p.id),
    kind: breach ? 'sla_breached' : 'sla_warning',
    title: `${TARGET_WORDS[target] ?? target} target ${breach ? 'breached' : 'at risk'}`,
    data: { target, due_at: e.data.due_at ?? null },
  });
  return people.filter((p) => told.includes(p.id)).map((p) => ({ staff_id: p.id, name: p.name }));
}
