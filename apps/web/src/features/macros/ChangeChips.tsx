import { Group, Pill, Text } from '@mantine/core';
import { type ChangeKey, changeChips } from './changes.ts';
import type { ResolvedChanges } from './types.ts';

type Props = { changes: ResolvedChanges; label?: string; onRemove?: (key: ChangeKey) => void };

/** A macro's field changes as chips; removable when the agent may still drop them. */
export function ChangeChips({ changes, label = 'Also changes', onRemove }: Props) {
  const chips = changeChips(changes);
  if (chips.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" role="group" aria-label={label}>
      <Text size="xs" fw={600} c="gray.7">
        {label}:
      </Text>
      {chips.map((c) => (
        <Pill
          key={c.key}
          size="sm"
          bg="teal.0"
          c="teal.9"
          withRemoveButton={Boolean(onRemove)}
          onRemove={() => onRemove?.(c.key)}
          removeButtonProps={{ 'aria-label': `Do not apply ${c.label}` }}
        >
          {c.label}
        </Pill>
      ))}
    </Group>
  );
}
