import type { MacroApply, MacroChanges, MacroPreview, RenderedMacro } from '@fairdesk/contract';
import type { z } from 'zod';
import type { Deps } from '../../deps.ts';
import type { StaffActor, SystemActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { addMessageIn, updateCaseIn } from '../cases/index.ts';
import * as q from './macros.queries.ts';
import {
  casePatch,
  changedNames,
  hasChanges,
  type RenderContext,
  renderText,
  resolveMe,
  SAMPLE_CONTEXT,
  tagsInBoth,
  textToHtml,
  unknownPlaceholders,
} from './macros.rules.ts';
import { loadVisibleMacro } from './macros.service.ts';

type CaseForRender = NonNullable<Awaited<ReturnType<typeof q.caseForRender>>>;

const inactive = () =>
  new AppError('conflict', 'This macro is switched off; switch it on to use it', {
    reason: 'macro_inactive',
  });

async function caseOrNotFound(db: Executor, workspaceId: string, caseId: string, lock = false) {
  const c = await q.caseForRender(db, workspaceId, caseId, lock);
  if (!c) throw notFound('Case');
  return c;
}

const contextOf = (c: CaseForRender, agent: { name: string } | null): RenderContext => ({
  customer: { name: c.customer_name, email: c.customer_email },
  case: { number: c.number, subject: c.subject },
  agent,
  workspace: { name: c.workspace_name },
});

/** The changes as the editor shows them: `me` resolved, teams and people named. */
async function describeChanges(db: Executor, workspaceId: string, changes: MacroChanges) {
  const named = async (id: string | null | undefined, find: typeof q.teamName, unknown: string) =>
    id === undefined
      ? undefined
      : id === null
        ? null
        : { id, name: (await find(db, workspaceId, id)) ?? unknown };
  return {
    ...(changes.status ? { status: changes.status } : {}),
    ...(changes.priority ? { priority: changes.priority } : {}),
    ...(changes.team_id !== undefined
      ? { team: await named(changes.team_id, q.teamName, 'An unknown team') }
      : {}),
    ...(changes.assignee_id !== undefined && changes.assignee_id !== 'me'
      ? { assignee: await named(changes.assignee_id, q.staffName, 'Someone unknown') }
      : {}),
    add_tags: changes.add_tags ?? [],
    remove_tags: changes.remove_tags ?? [],
  };
}

async function renderFor(
  db: Executor,
  actor: StaffActor,
  m: { id: string | null; name: string; body: string; kind: 'public' | 'internal'; changes: MacroChanges },
  ctx: RenderContext,
): Promise<RenderedMacro> {
  const text = renderText(m.body, ctx).trim();
  return {
    macro_id: m.id,
    name: m.name,
    kind: m.kind,
    body: textToHtml(text),
    text,
    changes: await describeChanges(db, actor.workspaceId, resolveMe(m.changes, actor.staffId)),
    unknown_placeholders: unknownPlaceholders(m.body),
  };
}

/** A macro rendered for a case, for the reply editor: nothing is written yet. */
export async function renderMacroForCase(deps: Deps, actor: StaffActor, caseId: string, macroId: string) {
  const c = await caseOrNotFound(deps.db, actor.workspaceId, caseId);
  const m = await loadVisibleMacro(deps.db, actor, macroId);
  if (!m.active) throw inactive();
  const agent = { name: (await q.staffName(deps.db, actor.workspaceId, actor.staffId)) ?? '' };
  // Only what would change on this case: tags it has to remove, tags it lacks to add.
  const stored = m.changes as MacroChanges;
  const changes = {
    ...stored,
    ...(stored.add_tags ? { add_tags: stored.add_tags.filter((t) => !c.tags.includes(t)) } : {}),
    ...(stored.remove_tags ? { remove_tags: stored.remove_tags.filter((t) => c.tags.includes(t)) } : {}),
  };
  return renderFor(deps.db, actor, { ...m, changes }, contextOf(c, agent));
}

/** A draft rendered against a real case or the sample one, for the macro form's live preview. */
export async function previewMacro(deps: Deps, actor: StaffActor, input: z.output<typeof MacroPreview>) {
  const agent = { name: (await q.staffName(deps.db, actor.workspaceId, actor.staffId)) ?? '' };
  const ctx: RenderContext = input.case_id
    ? contextOf(await caseOrNotFound(deps.db, actor.workspaceId, input.case_id), agent)
    : { ...SAMPLE_CONTEXT, agent, workspace: { name: await q.workspaceName(deps.db, actor.workspaceId) } };
  return renderFor(deps.db, actor, { id: null, name: 'Preview', ...input }, ctx);
}

/**
 * Applies the macro's field changes to the case (locked; the caller holds the transaction) and
 * counts the use. Returns the names of the fields that really changed.
 */
async function applyChanges(
  deps: Deps,
  trx: Executor,
  actor: StaffActor | SystemActor,
  c: { id: string; tags: string[] },
  macroId: string,
  changes: MacroChanges,
  eventData: Record<string, unknown>,
  version?: number,
) {
  const both = tagsInBoth(changes);
  if (both.length > 0) {
    throw new AppError('invalid', `A tag cannot be both added and removed: ${both.join(', ')}`, {
      reason: 'tag_added_and_removed',
    });
  }
  const patch = casePatch(changes, c.tags);
  let names: string[] = [];
  if (Object.keys(patch).length > 0) {
    const before = await updateCaseIn(deps, trx, actor, c.id, { ...patch, version }, { eventData });
    names = changedNames(before as Record<string, unknown>, patch);
  }
  await q.countUse(trx, macroId, deps.clock.now());
  return names;
}

/** The agent sends the reply (as edited) with the macro's pending changes, in one transaction. */
export async function applyMacro(
  deps: Deps,
  actor: StaffActor,
  caseId: string,
  macroId: string,
  input: z.output<typeof MacroApply>,
) {
  return deps.db.transaction().execute(async (trx) => {
    const m = await loadVisibleMacro(trx, actor, macroId);
    if (!m.active) throw inactive();
    const eventData = { macro_id: m.id };
    const { changes, body, ...message } = input;
    const resolved = resolveMe(changes, actor.staffId);
    if (!body && !hasChanges(resolved)) {
      throw new AppError('invalid', 'Nothing to apply: give a text or some changes', {
        reason: 'nothing_to_apply',
      });
    }
    const messageId = body
      ? await addMessageIn(deps, trx, actor, caseId, { ...message, body }, { eventData })
      : null;
    const c = await caseOrNotFound(trx, actor.workspaceId, caseId, true);
    // Without a message, the version the agent saw is checked by the case update itself.
    const version = body ? undefined : message.version;
    const names = await applyChanges(deps, trx, actor, c, m.id, resolved, eventData, version);
    return { message_id: messageId, changes: names };
  });
}

/**
 * For automations: renders a shared macro for the case and, in the caller's transaction, writes
 * its text as an automatic message (the system as author; a public one on an email case is
 * mailed like a staff reply) and applies its field changes as the system. `automation_rule_id`
 * and `macro_id` go into the events' data, so a rule can recognise its own changes. `me` has
 * no meaning for the system and is skipped.
 */
export async function sendMacroAsSystemIn(
  deps: Deps,
  trx: Executor,
  input: { workspaceId: string; caseId: string; macroId: string; automationRuleId?: string },
): Promise<{ messageId: string | null; changes: string[] }> {
  const m = await q.findVisibleMacro(trx, input.workspaceId, null, input.macroId);
  if (!m) throw notFound('Macro');
  if (!m.active) throw inactive();
  const system: SystemActor = { kind: 'system', workspaceId: input.workspaceId };
  const eventData = {
    macro_id: m.id,
    ...(input.automationRuleId ? { automation_rule_id: input.automationRuleId } : {}),
  };
  const c = await caseOrNotFound(trx, input.workspaceId, input.caseId, true);
  const text = renderText(m.body, contextOf(c, null)).trim();
  const messageId = text
    ? await addMessageIn(
        deps,
        trx,
        system,
        c.id,
        { body: text, visibility: m.kind, attachment_ids: [] },
        { eventData },
      )
    : null;
  const after = await caseOrNotFound(trx, input.workspaceId, input.caseId, true);
  const changes = resolveMe(m.changes as MacroChanges, null);
  return { messageId, changes: await applyChanges(deps, trx, system, after, m.id, changes, eventData) };
}
