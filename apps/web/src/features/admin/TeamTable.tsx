import { Avatar, Button, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { Staff, Team } from '../../lib/types.ts';

type Props = { teams: Team[]; staff: Staff[]; onEdit: (t: Team) => void; onDelete: (t: Team) => void };

export function TeamTable({ teams, staff, onEdit, onDelete }: Props) {
  const byId = new Map(staff.map((s) => [s.id, s]));
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Team</Table.Th>
            <Table.Th>Members</Table.Th>
            <Table.Th w={180}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((t) => {
            const members = t.member_ids.map((id) => byId.get(id)?.name).filter((n): n is string => !!n);
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
                    <Tooltip.Group>
                      <Avatar.Group spacing="sm">
                        {members.slice(0, 5).map((name) => (
                          <Tooltip key={name} label={name} withArrow>
                            <Avatar size="sm" radius="xl" color="teal" aria-hidden>
                              {name[0]}
                            </Avatar>
                          </Tooltip>
                        ))}
                      </Avatar.Group>
                    </Tooltip.Group>
                    <Text size="sm" c={members.length ? undefined : 'dimmed'} lineClamp={1}>
                      {members.length ? members.join(', ') : 'No members'}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => onEdit(t)} aria-label={`Edit ${t.name}`}>
                      Edit
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => onDelete(t)} aria-label={`Delete ${t.name}`}>
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
