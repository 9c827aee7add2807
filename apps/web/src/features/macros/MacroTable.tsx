import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { RowActions } from '../../lib/RowActions.tsx';
import { useStaffList, useTeams } from '../cases/useCase.ts';
import { summarise } from './changes.ts';
import type { Macro, MacroChanges } from './types.ts';

type Props = { macros: Macro[]; onEdit: (m: Macro) => void; onDelete: (m: Macro) => void };

/** Macros with what they write, what they change, and how often they are used. */
export function MacroTable({ macros, onEdit, onDelete }: Props) {
  const staff = useStaffList();
  const teams = useTeams();
  const names = {
    team: (id: string) => teams.data?.find((t) => t.id === id)?.name ?? 'a team',
    staff: (id: string) => staff.data?.find((s) => s.id === id)?.name ?? 'someone',
  };
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Macro</Table.Th>
            <Table.Th w={150}>Writes</Table.Th>
            <Table.Th>Changes</Table.Th>
            <Table.Th w={80} ta="right">
              Used
            </Table.Th>
            <Table.Th w={160}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {macros.map((m) => {
            const changes = summarise(m.changes as MacroChanges, names);
            return (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={600} c={m.active ? undefined : 'gray.7'}>
                      {m.name}
                    </Text>
                    {m.scope === 'personal' && (
                      <Badge size="xs" variant="light" color="grape.9" tt="none">
                        Only me
                      </Badge>
                    )}
                    {!m.active && (
                      <Badge size="xs" variant="outline" color="gray.7" tt="none">
                        Off
                      </Badge>
                    )}
                  </Group>
                  {m.body && (
                    <Text size="xs" c="gray.7" lineClamp={1}>
                      {m.body}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={m.kind === 'internal' ? 'yellow.9' : 'teal.9'}
                    tt="none"
                    radius="sm"
                  >
                    {m.body ? (m.kind === 'internal' ? 'Internal note' : 'Reply') : 'No text'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={changes ? undefined : 'gray.7'}>
                    {changes || 'Nothing'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{m.usage_count}</Text>
                </Table.Td>
                <Table.Td>
                  {m.can.edit && (
                    <RowActions name={m.name} onEdit={() => onEdit(m)} onDelete={() => onDelete(m)} />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
