import { CasePriority, Tags, Visibility } from './cases.ts';
import { Id, Text, Timestamp } from './common.ts';
import { z } from './zod.ts';

/** Statuses a macro may set: `new` is where cases start and `closed` only follows `solved`. */
export const MacroStatus = z.enum(['open', 'pending', 'on_hold', 'solved']);
export const MacroScope = z.enum(['shared', 'personal']);
export type MacroScope = z.infer<typeof MacroScope>;

/**
 * Field changes a macro makes; an absent key leaves the field alone. `team_id: null` takes the
 * case off its team, `assignee_id: null` unassigns it, and `"me"` means whoever applies the macro.
 */
export const MacroChanges = z
  .object({
    status: MacroStatus.optional(),
    priority: CasePriority.optional(),
    team_id: Id.nullable().optional(),
    assignee_id: z
      .union([Id, z.literal('me')])
      .nullable()
      .optional(),
    add_tags: Tags.optional(),
    remove_tags: Tags.optional(),
  })
  .strict();
export type MacroChanges = z.output<typeof MacroChanges>;

/** The same as stored and sent back (responses carry no transforms). */
export const MacroChangesView = z.object({
  status: MacroStatus.optional(),
  priority: CasePriority.optional(),
  team_id: Id.nullable().optional(),
  assignee_id: z
    .union([Id, z.literal('me')])
    .nullable()
    .optional(),
  add_tags: z.array(z.string()).optional(),
  remove_tags: z.array(z.string()).optional(),
});

const Ref = z.object({ id: Id, name: z.string() });

/** A macro's body is plain text (paragraphs split by blank lines) with {{placeholders}}. */
const MacroBody = z.string().trim().max(20000);

export const MacroCreate = z.object({
  name: Text(120),
  body: MacroBody.default(''),
  /** A public reply or an internal note. */
  kind: Visibility.default('public'),
  changes: MacroChanges.default({}),
  /** Shared with the workspace (supervisors and up) or personal to its author. */
  scope: MacroScope,
  active: z.boolean().default(true),
});

export const MacroUpdate = z
  .object({
    name: Text(120),
    body: MacroBody,
    kind: Visibility,
    changes: MacroChanges,
    active: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Give at least one field to change');

export const Macro = z.object({
  id: Id,
  name: z.string(),
  body: z.string(),
  kind: Visibility,
  changes: MacroChangesView,
  scope: MacroScope,
  owner: Ref.nullable(),
  active: z.boolean(),
  usage_count: z.number().int(),
  last_used_at: Timestamp.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
  can: z.object({ edit: z.boolean() }),
});
export type Macro = z.infer<typeof Macro>;

export const MacroListQuery = z.object({
  /** Matches the name, case-insensitively. */
  q: z.string().trim().max(120).optional(),
  scope: MacroScope.optional(),
  /** Inactive macros too (the admin list); the reply editor leaves them out. */
  include_inactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const MacroList = z.object({ items: z.array(Macro) });

export const MacroIdParams = z.object({ id: Id });
export const CaseMacroParams = z.object({ id: Id, macroId: Id });

export const Placeholder = z.object({
  key: z.string(),
  description: z.string(),
  /** What it says when the value is missing. */
  fallback: z.string(),
});
export const PlaceholderList = z.object({ items: z.array(Placeholder) });

/** Field changes as they would apply: `me` resolved, teams and people named. */
export const ResolvedMacroChanges = z.object({
  status: MacroStatus.optional(),
  priority: CasePriority.optional(),
  team: Ref.nullable().optional(),
  assignee: Ref.nullable().optional(),
  add_tags: z.array(z.string()),
  remove_tags: z.array(z.string()),
});
export type ResolvedMacroChanges = z.infer<typeof ResolvedMacroChanges>;

export const RenderedMacro = z.object({
  macro_id: Id.nullable(),
  name: z.string(),
  kind: Visibility,
  /** The body as HTML for the reply editor: values escaped, paragraphs as <p>. */
  body: z.string(),
  /** The same as plain text, as it will be stored and mailed. */
  text: z.string(),
  changes: ResolvedMacroChanges,
  /** Placeholders in the body we do not know (left as written); only a preview can have them. */
  unknown_placeholders: z.array(z.string()),
});
export type RenderedMacro = z.infer<typeof RenderedMacro>;

/** A draft rendered against a case (or, without `case_id`, a sample case), for the live preview. */
export const MacroPreview = z.object({
  body: z.string().max(20000).default(''),
  kind: Visibility.default('public'),
  changes: MacroChanges.default({}),
  case_id: Id.optional(),
});

/**
 * The agent's reply (as edited) with the macro's pending changes, written together. Without a
 * body only the changes apply (a macro that only changes fields).
 */
export const MacroApply = z.object({
  body: Text(100000).optional(),
  visibility: Visibility.default('public'),
  attachment_ids: z.array(Id).max(20).default([]),
  /** The case version the agent saw; a newer one is a 409 `case_changed`. */
  version: z.number().int().min(1).optional(),
  changes: MacroChanges.default({}),
});
export const MacroApplied = z.object({
  message_id: Id.nullable(),
  /** Names of the case fields the changes really changed. */
  changes: z.array(z.string()),
});
