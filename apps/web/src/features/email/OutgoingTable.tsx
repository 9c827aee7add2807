import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { ago, fullDate } from '../../lib/format.ts';
import { CaseLink } from './CaseLink.tsx';
import { OutgoingStateBadge } from './OutgoingStateBadge.tsx';
import type { OutgoingEmail } from './useEmailAdmin.ts';

type Props = { items: OutgoingEmail[]; onOpen: (m: OutgoingEmail) => void };

const attemptsWords = (n: number) => (n === 1 ? '1 attempt' : `${n} attempts`);

export function OutgoingTable({ items, onOpen }: Props) {
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>Created</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th w="32%">Subject</Table.Th>
            <Table.Th w={80}>Case</Table.Th>
            <Table.Th w={220}>State</Table.Th>
            <Table.Th w={90}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Text size="sm" title={fullDate(m.created_at)} style={{ whiteSpace: 'nowrap' }}>
                  {ago(m.created_at)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'break-word' }}>
                  {m.to_address}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {m.subject}
                </Text>
              </Table.Td>
              <Table.Td>
                <CaseLink caseId={m.case_id} subject={m.subject} />
              </Table.Td>
              <Table.Td>
                <OutgoingStateBadge status={m.status} />
                <Text size="xs" c="dimmed" mt={4}>
                  {attemptsWords(m.attempts)}
                  {m.sent_at ? ` · sent ${ago(m.sent_at)}` : ''}
                </Text>
                {m.last_response && (
                  <Text
                    size="xs"
                    c={m.status === 'failed' ? 'red.9' : 'dimmed'}
                    lineClamp={2}
                    title={m.last_response}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {m.last_response}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onOpen(m)}
                  aria-label={`View the mail “${m.subject}” to ${m.to_address}`}
                >
                  View
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
