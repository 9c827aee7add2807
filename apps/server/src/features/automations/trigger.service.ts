import type { Deps } from '../../deps.ts';
import * as q from './automations.queries.ts';
import { causeOf } from './loops.rules.ts';
import { runRule } from './run.service.ts';
import * as runs from './runs.queries.ts';
import { type EventPayload, triggerOfEvent } from './triggers.rules.ts';

/** A customer's public message that is not the one that opened the case. */
async function isCustomerReply(deps: Deps, p: EventPayload) {
  const messageId = p.data.message_id;
  if (typeof messageId !== 'string') return false;
  const m = await runs.findMessageAuthor(deps.db, p.case_id, messageId);
  if (m?.author_kind !== 'customer' || m.visibility !== 'public') return false;
  return (await runs.openingMessageId(deps.db, p.case_id)) !== messageId;
}

/**
 * Runs the workspace's active rules of the event's trigger for its case, in position order, each
 * in its own transaction. The cause is the event row the job was queued for (found by its type
 * and data; of identical events, the first this rule has not run for), so a job that runs twice
 * makes one run per rule. Returns how many rules ran.
 */
export async function runAutomationsForEvent(deps: Deps, p: EventPayload): Promise<number> {
  const t = triggerOfEvent(p);
  if (!t) return 0;
  // Most events meet no rule: one indexed query, and nothing else is looked up.
  const rules = await q.activeRulesOf(deps.db, p.workspace_id, t.trigger);
  if (rules.length === 0) return 0;
  if (t.trigger === 'customer_replied' && !(await isCustomerReply(deps, p))) return 0;
  const events = await runs.matchingEvents(deps.db, p.case_id, p.event, p.data);
  if (events.length === 0) return 0;
  const causes = events.map((e) => `event:${e.id}`);
  const from = causeOf(p.data);
  let ran = 0;
  for (const rule of rules) {
    const used = await runs.usedCauses(deps.db, rule.id, p.case_id, causes);
    const cause = causes.find((c) => !used.has(c));
    if (!cause) continue;
    const known = from.rule_id && p.data.automation_depth === undefined;
    const depth = known ? await runs.latestRunDepth(deps.db, from.rule_id!, p.case_id) : undefined;
    const outcome = await runRule(deps, rule, {
      workspaceId: p.workspace_id,
      caseId: p.case_id,
      trigger: t.trigger,
      cause,
      from: depth === undefined ? from : causeOf(p.data, depth),
      facts: t.facts,
    });
    if (outcome.ran) ran += 1;
  }
  return ran;
}
