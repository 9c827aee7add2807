import { ActionIcon, Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { ActionFields, type Choices } from './ActionFields.tsx';
import type { ActionDraft, AutomationActionType } from './types.ts';
import { ACTION_LABEL, ACTION_TYPES } from './words.ts';

/** A new action of a type, with the values its fields start at. */
export function newAction(type: AutomationActionType): ActionDraft {
  switch (type) {
    case 'set_status':
      return { type, status: 'open' };
    case 'set_priority':
      return { type, priority: 'high' };
    case 'assign':
      return { type };
    case 'add_tags':
    case 'remove_tags':
      return { type, tags: [] };
    case 'send_macro':
      return { type };
    case 'notify':
      return { type, to: 'assignee', title: '' };
  }
}

type Props = { actions: ActionDraft[]; onChange: (a: ActionDraft[]) => void; choices: Choices };

/** The rule's actions in the order they run: add, change, move and remove them. */
export function ActionListEditor({ actions, onChange, choices }: Props) {
  const replace = (i: number, a: ActionDraft) => onChange(actions.map((x, j) => (j === i ? a : x)));
  const move = (i: number, by: number) => {
    const next = [...actions];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + by, 0, item);
    onChange(next);
  };
  return (
    <Stack gap="xs">
      {actions.length === 0 && (
        <Text size="sm" c="dimmed">
          No actions yet: add what the rule should do.
        </Text>
      )}
      {actions.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: actions have no identity of their own; order is the key
        <Paper key={i} withBorder p="xs" radius="sm">
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <Text size="sm" fw={600} w={20} mt={6} aria-hidden>
              {i + 1}.
            </Text>
            <NativeSelect
              aria-label={`Action ${i + 1}`}
              w={170}
              data={ACTION_TYPES.map((t) => ({ value: t, label: ACTION_LABEL[t] }))}
              value={a.type}
              onChange={(e) => replace(i, newAction(e.currentTarget.value as AutomationActionType))}
            />
            <Stack gap={6} style={{ flex: 1 }}>
              <ActionFields action={a} n={i + 1} choices={choices} onChange={(x) => replace(i, x)} />
            </Stack>
            <Group gap={2} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Move action ${i + 1} up`}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Move action ${i + 1} down`}
                disabled={i === actions.length - 1}
                onClick={() => move(i, 1)}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove action ${i + 1}`}
                onClick={() => onChange(actions.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...actions, newAction('set_priority')])}
          disabled={actions.length >= 20}
        >
          Add action
        </Button>
      </Group>
    </Stack>
  );
}
