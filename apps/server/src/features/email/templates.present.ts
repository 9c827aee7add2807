import type { NotificationTemplate } from '@fairdesk/contract';
import { isoTimeOrNull } from '../../infra/iso-time.ts';
import type { TemplateView } from './templates.service.ts';

export const presentTemplate = (t: TemplateView): NotificationTemplate => ({
  kind: t.kind,
  language: t.language,
  subject: t.subject,
  body: t.body,
  enabled: t.enabled,
  customised: t.customised,
  has_default: t.has_default,
  placeholders: t.placeholders,
  updated_at: isoTimeOrNull(t.updated_at),
});
