import { Alert, Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { errorMessage } from '../../lib/api.ts';
import { ChangeChips } from './ChangeChips.tsx';
import { type MacroDraft, useMacroPreview } from './useMacros.ts';

/** The draft as an agent would insert it, on a sample case, updated while typing. */
export function MacroPreviewPanel({ draft }: { draft: MacroDraft }) {
  const preview = useMacroPreview(draft);
  const r = preview.data;
  return (
    <Stack gap="xs" aria-live="polite">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          Preview
        </Text>
        <Group gap={6}>
          {preview.isFetching && <Loader size="xs" aria-label="Updating the preview" />}
          <Text size="xs" c="gray.7">
            on a sample case for Alex Morgan, #1042
          </Text>
        </Group>
      </Group>
      {preview.isError && <Alert color="red.9">{errorMessage(preview.error)}</Alert>}
      {r && r.unknown_placeholders.length > 0 && (
        <Alert color="orange.9" variant="light" title="Unknown placeholders">
          {r.unknown_placeholders.map((k) => `{{${k}}}`).join(', ')} will not be filled in; choose one from
          “Insert placeholder”.
        </Alert>
      )}
      <Paper
        withBorder
        radius="md"
        p="sm"
        mih={140}
        bg={draft.kind === 'internal' ? 'yellow.0' : 'teal.0'}
        style={draft.kind === 'internal' ? { borderStyle: 'dashed' } : undefined}
      >
        <Badge size="xs" mb={6} color={draft.kind === 'internal' ? 'yellow.9' : 'teal.9'} variant="light">
          {draft.kind === 'internal' ? 'Internal note' : 'Reply to the customer'}
        </Badge>
        {r?.text ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {r.text}
          </Text>
        ) : (
          <Text size="sm" c="gray.7" fs="italic">
            No text: the macro only changes fields.
          </Text>
        )}
      </Paper>
      {r && <ChangeChips changes={r.changes} label="Then changes" />}
    </Stack>
  );
}
