import type { NotificationKind, NotificationTemplate } from '@fairdesk/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { useAction } from '../admin/useAction.ts';
import { kindLabel, languageName } from './templateWords.ts';

export type { NotificationKind, NotificationTemplate };
export type TemplatePreview = { subject: string; text: string; html: string };
export type TemplateDraft = { subject: string; body: string; enabled: boolean };

const TEMPLATES = ['admin-email-templates'];
const path = (t: { kind: NotificationKind; language: string }) => `/email/templates/${t.kind}/${t.language}`;
const named = (t: { kind: NotificationKind; language: string }) =>
  `${kindLabel(t.kind)} (${languageName(t.language)})`;

export const useTemplates = () =>
  useQuery({
    queryKey: TEMPLATES,
    queryFn: ({ signal }) =>
      api<{ languages: string[]; items: NotificationTemplate[] }>('/email/templates', { signal }),
  });

export const useSaveTemplate = (onDone: (t: NotificationTemplate) => void) =>
  useAction({
    run: ({ template, draft }: { template: NotificationTemplate; draft: TemplateDraft }) =>
      api<NotificationTemplate>(path(template), { method: 'PUT', body: draft }),
    done: (t) => `${named(t)} saved`,
    failed: 'The template was not saved',
    refresh: [TEMPLATES],
    onDone,
  });

export const useRevertTemplate = (onDone: (t: NotificationTemplate) => void) =>
  useAction({
    run: (template: NotificationTemplate) => api<NotificationTemplate>(path(template), { method: 'DELETE' }),
    done: (t) => `${named(t)} is back to Fairdesk’s text`,
    failed: 'The template was not reverted',
    refresh: [TEMPLATES],
    onDone,
  });

/** The draft rendered for a sample case by the server (the same code that writes the real mail). */
export const useTemplatePreview = (
  template: { kind: NotificationKind; language: string },
  draft: { subject: string; body: string },
) =>
  useQuery({
    queryKey: [...TEMPLATES, 'preview', template.kind, template.language, draft.subject, draft.body],
    queryFn: ({ signal }) =>
      api<TemplatePreview>(`${path(template)}/preview`, { method: 'POST', body: draft, signal }),
    enabled: draft.subject.trim().length > 0 && draft.body.trim().length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
