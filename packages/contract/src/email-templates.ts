import { Timestamp } from './common.ts';
import { z } from './zod.ts';

/** Customer notification emails a workspace can word and switch off, per language. */
export const NotificationKind = z.enum(['case_received', 'agent_replied', 'decision_made']);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** A BCP 47 primary language subtag, as templates are kept: `en`, `de`, `nl`. */
export const TemplateLanguage = z.string().regex(/^[a-z]{2,3}$/, 'A language code such as en or de');

export const NotificationTemplate = z.object({
  kind: NotificationKind,
  language: TemplateLanguage,
  /** The text in force: the workspace's own, or the built-in default. */
  subject: z.string(),
  body: z.string(),
  enabled: z.boolean(),
  /** The workspace wrote its own text (false: the built-in default is used). */
  customised: z.boolean(),
  /** Fairdesk has a built-in text in this language (if not, another language is sent until one is written). */
  has_default: z.boolean(),
  /** Placeholders this kind may use, e.g. `case.number` for `{{case.number}}`. */
  placeholders: z.array(z.string()),
  updated_at: Timestamp.nullable(),
});
export type NotificationTemplate = z.infer<typeof NotificationTemplate>;

export const NotificationTemplateList = z.object({
  /** The workspace's languages, first one first (the fallback for customers in other languages). */
  languages: z.array(TemplateLanguage),
  items: z.array(NotificationTemplate),
});

export const NotificationTemplateParams = z.object({ kind: NotificationKind, language: TemplateLanguage });

const TemplateSubject = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((s) => !/[\r\n]/.test(s), 'A subject is one line');
const TemplateBody = z.string().trim().min(1).max(20_000);

export const NotificationTemplateSave = z.object({
  subject: TemplateSubject,
  body: TemplateBody,
  enabled: z.boolean().default(true),
});

/** A draft to preview; without one, the template in force is shown. */
export const NotificationTemplatePreviewInput = z
  .object({ subject: TemplateSubject, body: TemplateBody })
  .partial()
  .default({});

export const NotificationTemplatePreview = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});
