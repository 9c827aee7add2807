import {
  Alert,
  Button,
  Grid,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { MacroChangesInputs } from './MacroChangesInputs.tsx';
import { MacroPreviewPanel } from './MacroPreviewPanel.tsx';
import { PlaceholderMenu } from './PlaceholderMenu.tsx';
import type { Macro, MacroChanges, MacroKind } from './types.ts';
import { useSaveMacro } from './useMacros.ts';

type Values = {
  name: string;
  body: string;
  kind: MacroKind;
  changes: MacroChanges;
  scope: 'shared' | 'personal';
  active: boolean;
};

/** Which field a refusal belongs beside. */
const FIELD_OF_REASON: Record<string, keyof Values | ''> = {
  unknown_placeholder: 'body',
  macro_name_taken: 'name',
  tag_added_and_removed: 'changes',
  unknown_team: 'changes',
  unknown_staff: 'changes',
  macro_empty: '',
};

type Props = { macro: Macro | null; initial?: Partial<Values>; onClose: () => void };

/** Creates or edits a macro, with its text, field changes and a live preview side by side. */
export function MacroFormModal({ macro, initial, onClose }: Props) {
  const [values, setValues] = useState<Values>({
    name: macro?.name ?? '',
    body: macro?.body ?? '',
    kind: macro?.kind ?? 'public',
    changes: (macro?.changes as MacroChanges) ?? {},
    scope: macro?.scope ?? 'shared',
    active: macro?.active ?? true,
    ...initial,
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Values | '', string>>>({});
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const set = <K extends keyof Values>(k: K, v: Values[K]) => {
    setValues((old) => ({ ...old, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined, '': undefined }));
  };
  const save = useSaveMacro(onClose, (err) => {
    if (!(err instanceof ApiError)) return;
    const field = FIELD_OF_REASON[err.reason];
    if (field !== undefined) setErrors({ [field]: err.message });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!values.name.trim()) return setErrors({ name: 'Give the macro a name' });
    const { scope, ...rest } = values;
    const body = { ...rest, name: values.name.trim() };
    save.mutate({ id: macro?.id ?? null, body: macro ? body : { ...body, scope } });
  };
  const personal = values.scope === 'personal';
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      title={macro ? `Edit the macro ${macro.name}` : 'New macro'}
      size="80rem"
    >
      <form onSubmit={submit} noValidate>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="sm">
              <TextInput
                label="Name"
                required
                data-autofocus
                value={values.name}
                onChange={(e) => set('name', e.currentTarget.value)}
                error={errors.name}
              />
              <Group gap="lg" align="flex-end">
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="macro-kind-label">
                    Writes
                  </Text>
                  <SegmentedControl
                    aria-labelledby="macro-kind-label"
                    value={values.kind}
                    onChange={(v) => set('kind', v as MacroKind)}
                    data={[
                      { value: 'public', label: 'A reply' },
                      { value: 'internal', label: 'An internal note' },
                    ]}
                  />
                </Stack>
                {!macro && !initial?.scope && (
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id="macro-scope-label">
                      For
                    </Text>
                    <SegmentedControl
                      aria-labelledby="macro-scope-label"
                      value={values.scope}
                      onChange={(v) => set('scope', v as Values['scope'])}
                      data={[
                        { value: 'shared', label: 'Everyone' },
                        { value: 'personal', label: 'Only me' },
                      ]}
                    />
                  </Stack>
                )}
                <Switch
                  label="Active"
                  checked={values.active}
                  onChange={(e) => set('active', e.currentTarget.checked)}
                  mb={6}
                />
              </Group>
              <Stack gap={4}>
                <Group justify="space-between" align="flex-end">
                  <Text size="sm" fw={500} component="label" htmlFor="macro-body">
                    Text
                  </Text>
                  <PlaceholderMenu target={bodyRef} value={values.body} onChange={(v) => set('body', v)} />
                </Group>
                <Textarea
                  id="macro-body"
                  ref={bodyRef}
                  autosize
                  minRows={7}
                  maxRows={16}
                  value={values.body}
                  onChange={(e) => set('body', e.currentTarget.value)}
                  error={errors.body}
                  description="Plain text; leave a blank line between paragraphs. Placeholders are filled in when the macro is used."
                />
              </Stack>
              <Text size="sm" fw={600} mt="xs">
                Field changes
              </Text>
              <MacroChangesInputs
                value={values.changes}
                onChange={(c) => set('changes', c)}
                error={errors.changes}
              />
              {personal && !macro && (
                <Text size="xs" c="gray.7">
                  Only you will see this macro.
                </Text>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <MacroPreviewPanel draft={{ body: values.body, kind: values.kind, changes: values.changes }} />
          </Grid.Col>
        </Grid>
        {errors[''] && (
          <Alert color="red.9" mt="md">
            {errors['']}
          </Alert>
        )}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {macro ? 'Save' : 'Create macro'}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
