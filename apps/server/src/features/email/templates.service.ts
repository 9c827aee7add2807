import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { defaultTemplate, SAMPLE_VALUES, textInForce } from './templates.defaults.ts';
import * as tq from './templates.queries.ts';
import {
  checkTemplate,
  NOTIFICATION_KINDS,
  type NotificationKind,
  PLACEHOLDERS,
  portalCaseUrl,
  renderTemplate,
  servedLanguages,
  type TemplateText,
} from './templates.rules.ts';

export type TemplateView = {
  kind: NotificationKind;
  language: string;
  subject: string;
  body: string;
  enabled: boolean;
  customised: boolean;
  has_default: boolean;
  placeholders: string[];
  updated_at: Date | null;
};

function view(kind: NotificationKind, language: string, row: tq.TemplateRow | undefined): TemplateView {
  // A language without a built-in text starts from the English one until the workspace writes its own.
  const text = textInForce(kind, language, row) ?? { ...defaultTemplate(kind, 'en')!, customised: false };
  return {
    kind,
    language,
    subject: text.subject,
    body: text.body,
    enabled: row?.enabled ?? true,
    customised: text.customised,
    has_default: defaultTemplate(kind, language) !== null,
    placeholders: [...PLACEHOLDERS[kind]],
    updated_at: row?.updated_at ?? null,
  };
}

async function servedBy(db: Executor, workspaceId: string) {
  const ws = await tq.workspaceForTemplates(db, workspaceId);
  if (!ws) throw notFound('Workspace');
  return { name: ws.name, languages: servedLanguages(ws.languages) };
}

async function assertServed(db: Executor, workspaceId: string, language: string) {
  const ws = await servedBy(db, workspaceId);
  if (!ws.languages.includes(language)) {
    throw new AppError('invalid', `The workspace does not write to customers in "${language}"`, {
      reason: 'language_not_served',
      details: { languages: ws.languages },
    });
  }
  return ws;
}

function assertPlaceholders(kind: NotificationKind, t: TemplateText) {
  const check = checkTemplate(kind, t);
  if (!check.ok) {
    throw new AppError('invalid', `Unknown placeholder: ${check.unknown.map((p) => `{{${p}}}`).join(', ')}`, {
      reason: 'unknown_placeholder',
      details: { unknown: check.unknown, allowed: PLACEHOLDERS[kind] },
    });
  }
}

/** Every kind in every language of the workspace, customised or not. */
export async function listTemplates(deps: Deps, actor: StaffActor) {
  const ws = await servedBy(deps.db, actor.workspaceId);
  const rows = await tq.templatesOf(deps.db, actor.workspaceId);
  const items = NOTIFICATION_KINDS.flatMap((kind) =>
    ws.languages.map((language) =>
      view(
        kind,
        language,
        rows.find((r) => r.kind === kind && r.language === language),
      ),
    ),
  );
  return { languages: ws.languages, items };
}

/** Saves a workspace's text and switch; a text equal to the built-in one is stored as "default". */
export async function saveTemplate(
  deps: Deps,
  actor: StaffActor,
  kind: NotificationKind,
  language: string,
  input: TemplateText & { enabled: boolean },
) {
  await assertServed(deps.db, actor.workspaceId, language);
  assertPlaceholders(kind, input);
  const d = defaultTemplate(kind, language);
  const same = d !== null && d.subject === input.subject && d.body === input.body;
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now();
    const row = await tq.upsertTemplate(trx, {
      workspace_id: actor.workspaceId,
      kind,
      language,
      subject: same ? null : input.subject,
      body: same ? null : input.body,
      enabled: input.enabled,
      updated_by: actor.staffId,
      updated_at: at,
    });
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      {
        type: 'notification_template.updated',
        data: { kind, language, customised: !same, enabled: input.enabled },
      },
    ]);
    return view(kind, language, row);
  });
}

/** Back to the built-in text; the on/off switch stays as it was. */
export async function revertTemplate(
  deps: Deps,
  actor: StaffActor,
  kind: NotificationKind,
  language: string,
) {
  await assertServed(deps.db, actor.workspaceId, language);
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now();
    await tq.clearTemplateText(trx, actor.workspaceId, kind, language, at);
    await tq.deleteEnabledDefaultRow(trx, actor.workspaceId, kind, language);
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      { type: 'notification_template.updated', data: { kind, language, customised: false } },
    ]);
    const rows = await tq.templatesOf(trx, actor.workspaceId, kind);
    return view(
      kind,
      language,
      rows.find((r) => r.language === language),
    );
  });
}

const SAMPLE_CASE_ID = '00000000-0000-4000-8000-000000001042';

/** A draft (or the text in force) rendered for a sample case, as the customer would get it. */
export async function previewTemplate(
  deps: Deps,
  actor: StaffActor,
  kind: NotificationKind,
  language: string,
  draft: Partial<TemplateText>,
) {
  const ws = await assertServed(deps.db, actor.workspaceId, language);
  const current = view(
    kind,
    language,
    (await tq.templatesOf(deps.db, actor.workspaceId, kind)).find((r) => r.language === language),
  );
  const text = { subject: draft.subject ?? current.subject, body: draft.body ?? current.body };
  assertPlaceholders(kind, text);
  const sample = SAMPLE_VALUES[language] ?? SAMPLE_VALUES.en!;
  const values = {
    ...sample,
    'case.number': '1042',
    'case.url': portalCaseUrl(deps.config.PUBLIC_URL, SAMPLE_CASE_ID),
    'workspace.name': ws.name,
  };
  return renderTemplate(text, values, 1042, language);
}
