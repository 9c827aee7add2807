import { Alert, Button, Group, Paper, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { ConfirmModal } from '../admin/ConfirmModal.tsx';
import { PlaceholderMenu } from './PlaceholderMenu.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';
import { KIND_WORDS, languageName } from './templateWords.ts';
import {
  type NotificationTemplate,
  useRevertTemplate,
  useSaveTemplate,
  useTemplatePreview,
} from './useTemplates.ts';

type Field = 'subject' | 'body';

/** Subject, body and switch of one template, with placeholders to insert and a live preview. */
export function TemplateEditor({
  template,
  fallbackLanguage,
}: {
  template: NotificationTemplate;
  fallbackLanguage: string;
}) {
  const [draft, setDraft] = useState({
    subject: template.subject,
    body: template.body,
    enabled: template.enabled,
  });
  const [confirmRevert, setConfirmRevert] = useState(false);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<Field>('body');
  // Debounced one string at a time: a fresh object every render would never settle.
  const [subject] = useDebouncedValue(draft.subject, 350);
  const [body] = useDebouncedValue(draft.body, 350);
  const preview = useTemplatePreview(template, { subject, body });
  const save = useSaveTemplate(() => undefined);
  const revert = useRevertTemplate(() => setConfirmRevert(false));
  const dirty =
    draft.subject !== template.subject || draft.body !== template.body || draft.enabled !== template.enabled;
  const placeholderError =
    preview.error instanceof ApiError && preview.error.reason === 'unknown_placeholder'
      ? preview.error.message
      : null;

  const insert = (name: string) => {
    const field = lastField.current;
    const el = field === 'subject' ? subjectRef.current : bodyRef.current;
    const value = draft[field];
    const at = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? at;
    const token = `{{${name}}}`;
    setDraft((d) => ({ ...d, [field]: value.slice(0, at) + token + value.slice(end) }));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  const title = `${KIND_WORDS[template.kind].label} · ${languageName(template.language)}`;
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <div>
              <Title order={3} size="h4">
                {title}
              </Title>
              <Text size="sm" c="dimmed" maw={520}>
                {KIND_WORDS[template.kind].when}
              </Text>
            </div>
            <Switch
              label="Send this email"
              checked={draft.enabled}
              onChange={(e) => {
                const enabled = e.currentTarget.checked;
                setDraft((d) => ({ ...d, enabled }));
              }}
            />
          </Group>
          {!template.has_default && !template.customised && (
            <Alert color="blue" title={`Fairdesk has no built-in ${languageName(template.language)} text`}>
              Until you save one, these customers get the {languageName(fallbackLanguage)} email. The English
              text is here to translate from.
            </Alert>
          )}
          <TextInput
            ref={subjectRef}
            label="Subject"
            description="The case number is added as [#1234] if the subject leaves it out."
            value={draft.subject}
            onFocus={() => {
              lastField.current = 'subject';
            }}
            onChange={(e) => {
              const subject = e.currentTarget.value;
              setDraft((d) => ({ ...d, subject }));
            }}
          />
          <Textarea
            ref={bodyRef}
            label="Body"
            description="Plain text. A blank line starts a paragraph, lines starting with “- ” make a list, and web addresses become links."
            autosize
            minRows={10}
            maxRows={24}
            value={draft.body}
            error={placeholderError}
            onFocus={() => {
              lastField.current = 'body';
            }}
            onChange={(e) => {
              const body = e.currentTarget.value;
              setDraft((d) => ({ ...d, body }));
            }}
            styles={{
              // The message below says what is wrong; the text itself stays readable.
              input: {
                fontFamily: 'var(--mantine-font-family-monospace)',
                fontSize: 13,
                color: 'var(--mantine-color-text)',
              },
            }}
          />
          <Group justify="space-between" wrap="wrap">
            <PlaceholderMenu placeholders={template.placeholders} onInsert={insert} />
            <Group gap="sm">
              {template.customised && (
                <Button variant="default" color="red" onClick={() => setConfirmRevert(true)}>
                  Revert to default
                </Button>
              )}
              <Button
                variant="default"
                disabled={!dirty}
                onClick={() =>
                  setDraft({ subject: template.subject, body: template.body, enabled: template.enabled })
                }
              >
                Discard changes
              </Button>
              <Button
                disabled={!dirty || placeholderError !== null}
                loading={save.isPending}
                onClick={() => save.mutate({ template, draft })}
              >
                Save
              </Button>
            </Group>
          </Group>
        </Stack>
      </Paper>
      <TemplatePreview preview={preview.data} error={preview.error} loading={preview.isFetching} />
      <ConfirmModal
        opened={confirmRevert}
        title={`Go back to Fairdesk’s text for “${title}”?`}
        confirmLabel="Revert to default"
        danger
        loading={revert.isPending}
        onClose={() => setConfirmRevert(false)}
        onConfirm={() => revert.mutate(template)}
      >
        Your own subject and body are deleted. Whether the email is sent stays as it is.
      </ConfirmModal>
    </Stack>
  );
}
