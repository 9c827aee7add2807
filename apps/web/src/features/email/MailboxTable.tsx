import { Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { RowActions } from '../../lib/RowActions.tsx';
import type { Team } from '../../lib/types.ts';
import { ImapPollStatus } from './ImapPollStatus.tsx';
import { ImapTestButton } from './ImapTestButton.tsx';
import type { Mailbox } from './useEmailAdmin.ts';
import { MODE_LABEL } from './words.ts';

type Props = {
  mailboxes: Mailbox[];
  teams: Team[];
  onEdit: (m: Mailbox) => void;
  onDelete: (m: Mailbox) => void;
};

export function MailboxTable({ mailboxes, teams, onEdit, onDelete }: Props) {
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Address</Table.Th>
            <Table.Th w={280}>Inbound</Table.Th>
            <Table.Th w={220}>Routes new cases to</Table.Th>
            <Table.Th w={300}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mailboxes.map((m) => {
            const team = m.team_id ? (teamName.get(m.team_id) ?? 'A team that no longer exists') : null;
            return (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {m.address}
                  </Text>
                  {m.name && (
                    <Text size="xs" c="dimmed">
                      {m.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{MODE_LABEL[m.mode]}</Text>
                  {m.mode === 'imap' && m.imap && <ImapPollStatus imap={m.imap} />}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={team ? undefined : 'dimmed'}>
                    {team ?? 'No team (all open cases)'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {m.mode === 'imap' && <ImapTestButton mailbox={m} />}
                    <RowActions
                      name={m.address}
                      onEdit={() => onEdit(m)}
                      onDelete={() => onDelete(m)}
                      deleteLabel="Remove"
                    />
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
