import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { RowActions } from '../../lib/RowActions.tsx';
import type { Staff, Team } from '../../lib/types.ts';

type Props = { teams: Team[]; staff: Staff[]; onEdit: (t: Team) => void; onDelete: (t: Team) => void };

export function TeamTable({ teams, staff, onEdit, onDelete }: Props) {
  const byId = new Map(staff.map((s) => [s.id, s]));
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={300}>Team</Table.Th>
            <Table.Th>Members</Table.Th>
            <Table.Th w={180}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((t) => {
            const members = t.member_ids
              .map((id) => byId.get(id)?.name)
              .filter((n): n is string => !!n)
              .sort((a, b) => a.localeCompare(b));
            return (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {t.name}
                  </Text>
                  {t.description && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {t.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Badge
                      variant="light"
                      color={members.length ? 'teal' : 'gray'}
                      radius="sm"
                      tt="none"
                      style={{ flexShrink: 0 }}
                    >
                      {members.length === 1 ? '1 member' : `${members.length} members`}
                    </Badge>
                    <Text size="sm" c={members.length ? undefined : 'dimmed'} lineClamp={2}>
                      {members.length ? members.join(', ') : 'Nobody yet'}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <RowActions name={t.name} onEdit={() => onEdit(t)} onDelete={() => onDelete(t)} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
