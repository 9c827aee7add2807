import { CloseButton, Group, Paper, Text } from '@mantine/core';
import { IconMessageBolt } from '@tabler/icons-react';
import { ChangeChips } from './ChangeChips.tsx';
import type { ChangeKey } from './changes.ts';
import type { AppliedMacro } from './useAppliedMacro.ts';

type Props = { applied: AppliedMacro; onRemove: (key: ChangeKey) => void; onDiscard: () => void };

/** Under the editor: which macro was applied and the field changes that go out with the reply. */
export function AppliedMacroBar({ applied, onRemove, onDiscard }: Props) {
  return (
    <Paper withBorder radius="sm" px="sm" py={6} bg="gray.0" aria-label={`Macro ${applied.name} applied`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="wrap">
          <Group gap={4} wrap="nowrap">
            <IconMessageBolt size={14} aria-hidden color="var(--mantine-color-teal-9)" />
            <Text size="xs" fw={600}>
              {applied.name}
            </Text>
          </Group>
          <ChangeChips changes={applied.changes} label="When sent, also" onRemove={onRemove} />
        </Group>
        <CloseButton
          size="sm"
          aria-label={`Forget the macro ${applied.name} (keeps the text)`}
          onClick={onDiscard}
        />
      </Group>
    </Paper>
  );
}
