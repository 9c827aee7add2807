import { WorkspaceUpdate } from '@fairdesk/contract';
import { Alert, Button, Group, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { api } from '../../lib/api.ts';
import { notifyDone } from '../../lib/notify.ts';
import type { Workspace } from '../../lib/types.ts';
import { changed, useSchemaForm } from './forms.ts';
import { useAction } from './useAction.ts';

const COMMON_LANGUAGES = [
  'en',
  'en-GB',
  'en-US',
  'fr',
  'de',
  'es',
  'it',
  'nl',
  'pt',
  'pt-BR',
  'pl',
  'sv',
  'da',
  'fi',
  'nb',
];
const names = new Intl.DisplayNames(['en'], { type: 'language' });
const languageName = (code: string) => {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
};

export function WorkspaceForm({ workspace }: { workspace: Workspace }) {
  const before = { name: workspace.name, time_zone: workspace.time_zone, languages: workspace.languages };
  const form = useSchemaForm(before);
  const zones = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', workspace.time_zone])].sort();
  const save = useAction({
    run: (body: unknown) => api<Workspace>('/workspace', { method: 'PATCH', body }),
    done: 'Workspace settings saved',
    failed: 'The settings were not saved',
    refresh: [['workspace'], ['me']],
    onFailed: form.fromServer,
  });
  const languageCode = WorkspaceUpdate.shape.languages.unwrap().element;
  const badCodes = form.values.languages.filter((l) => !languageCode.safeParse(l).success);
  const languagesError =
    form.errors.languages &&
    (badCodes.length
      ? `Not a language code: ${badCodes.join(', ')}. Use codes such as en, fr or pt-BR.`
      : form.errors.languages);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const diff = changed(before, { ...form.values, name: form.values.name.trim() });
    if (Object.keys(diff).length === 0) return notifyDone('Nothing to change');
    const body = form.check(WorkspaceUpdate, diff);
    if (body) save.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Workspace name"
          description="Shown to staff and to customers in the portal and emails."
          required
          {...form.text('name')}
        />
        <Select
          label="Time zone"
          description="Business hours, due times and reports follow this clock."
          data={zones}
          value={form.values.time_zone}
          onChange={(v) => v && form.set('time_zone', v)}
          searchable
          allowDeselect={false}
          nothingFoundMessage="No time zone by that name"
          limit={100}
          error={form.errors.time_zone || undefined}
        />
        <div>
          <TagsInput
            label="Languages"
            description="The languages your team answers in, as codes such as en, fr or pt-BR."
            data={COMMON_LANGUAGES}
            value={form.values.languages}
            onChange={(v) => form.set('languages', v)}
            error={languagesError || undefined}
            clearable
          />
          <Text size="xs" c="dimmed" mt={4} aria-live="polite">
            {form.values.languages
              .filter((l) => !badCodes.includes(l))
              .map(languageName)
              .join(', ') || 'No language yet'}
          </Text>
        </div>
        {form.errors[''] && <Alert color="red">{form.errors['']}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset(before)} disabled={save.isPending}>
            Undo changes
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
