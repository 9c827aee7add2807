import { ActionIcon, Badge, Group, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { RowActions } from '../../lib/RowActions.tsx';
import type { AutomationRule } from './types.ts';
import { ACTION_LABEL, hoursInWords, TRIGGER_LABEL } from './words.ts';

type Props = {
  rules: AutomationRule[];
  onEdit: (r: AutomationRule) => void;
  onDelete: (r: AutomationRule) => void;
  onToggle: (r: AutomationRule, active: boolean) => void;
  onMove: (i: number, by: -1 | 1) => void;
};

const triggerText = (r: AutomationRule) =>
  r.trigger === 'schedule' && r.schedule
    ? `${hoursInWords(r.schedule.after_hours)} in ${r.schedule.status.replace('_', ' ')}`
    : TRIGGER_LABEL[r.trigger];

/** The rules in the order they run, each with its trigger, its actions and an on/off switch. */
export function AutomationTable({ rules, onEdit, onDelete, onToggle, onMove }: Props) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>Order</Table.Th>
            <Table.Th>Rule</Table.Th>
            <Table.Th w={230}>When</Table.Th>
            <Table.Th w={90}>Active</Table.Th>
            <Table.Th w={170}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((r, i) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Run ${r.name} earlier`}
                    disabled={i === 0}
                    onClick={() => onMove(i, -1)}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Run ${r.name} later`}
                    disabled={i === rules.length - 1}
                    onClick={() => onMove(i, 1)}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {r.name}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {r.actions
                    .map((a) => ACTION_LABEL[a.type as keyof typeof ACTION_LABEL] ?? String(a.type))
                    .join(' → ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={r.trigger === 'schedule' ? 'grape' : 'blue'}
                  radius="sm"
                  tt="none"
                >
                  {triggerText(r)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={`${r.name} is active`}
                  checked={r.active}
                  onChange={(e) => onToggle(r, e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>
                <RowActions name={r.name} onEdit={() => onEdit(r)} onDelete={() => onDelete(r)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
