import { Avatar, Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Staff } from '../../lib/types.ts';
import { StaffStatus } from './StaffStatus.tsx';
import { roleLabel, useResendInvitation } from './useStaffAdmin.ts';

const ROLE_COLOR: Record<string, string> = {
  admin: 'grape',
  manager: 'indigo',
  supervisor: 'cyan',
  agent: 'gray',
};

const initials = (name: string) =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');

type Props = { staff: Staff[]; onEdit: (s: Staff) => void; onToggleActive: (s: Staff) => void };

export function StaffTable({ staff, onEdit, onToggleActive }: Props) {
  const resend = useResendInvitation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th w={130}>Role</Table.Th>
            <Table.Th>Teams</Table.Th>
            <Table.Th w={130}>Status</Table.Th>
            <Table.Th w={320}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((s) => (
            <Table.Tr key={s.id} opacity={s.active ? 1 : 0.65}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Avatar radius="xl" size="md" color="teal" aria-hidden>
                    {initials(s.name)}
                  </Avatar>
                  <div>
                    <Text size="sm" fw={600}>
                      {s.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {s.email}
                    </Text>
                  </div>
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={ROLE_COLOR[s.role]} radius="sm" tt="none">
                  {roleLabel(s.role)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {s.teams.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No team
                  </Text>
                ) : (
                  <Group gap={4}>
                    {s.teams.map((t) => (
                      <Badge key={t.id} variant="outline" color="gray" radius="sm" tt="none">
                        {t.name}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <StaffStatus person={s} />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {s.active && s.invitation_pending && (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => resend.mutate(s)}
                      loading={resend.isPending && resend.variables?.id === s.id}
                      aria-label={`Resend invitation to ${s.name}`}
                    >
                      Resend invitation
                    </Button>
                  )}
                  <Button size="xs" variant="default" onClick={() => onEdit(s)} aria-label={`Edit ${s.name}`}>
                    Edit
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color={s.active ? 'red' : 'teal'}
                    onClick={() => onToggleActive(s)}
                    aria-label={`${s.active ? 'Deactivate' : 'Reactivate'} ${s.name}`}
                  >
                    {s.active ? 'Deactivate' : 'Reactivate'}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
