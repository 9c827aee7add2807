import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ago, fileSize, fullDate } from '../../lib/format.ts';
import type { QuarantinedEmail } from './useEmailAdmin.ts';
import { reasonWords, senderOf, subjectOf } from './words.ts';

type Props = {
  items: QuarantinedEmail[];
  onRelease: (m: QuarantinedEmail) => void;
  onDelete: (m: QuarantinedEmail) => void;
};

export function QuarantineTable({ items, onRelease, onDelete }: Props) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>Received</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th w="26%">Subject</Table.Th>
            <Table.Th w="24%">Reason</Table.Th>
            <Table.Th w={180}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Text size="sm" title={fullDate(m.received_at)} style={{ whiteSpace: 'nowrap' }}>
                  {ago(m.received_at)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'break-word' }}>
                  {senderOf(m)}
                </Text>
                {m.rcpt_to.length > 0 && (
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'break-word' }}>
                    to {m.rcpt_to.join(', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} lineClamp={2}>
                  {subjectOf(m)}
                </Text>
                <Text size="xs" c="dimmed">
                  {fileSize(m.size_bytes)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconAlertTriangle
                    size={16}
                    color="var(--mantine-color-red-9)"
                    aria-hidden
                    style={{ flexShrink: 0, marginTop: 2 }}
                  />
                  <Text size="sm">{reasonWords(m.reason)}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onRelease(m)}
                    aria-label={`Release “${subjectOf(m)}” from ${senderOf(m)}`}
                  >
                    Release
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => onDelete(m)}
                    aria-label={`Delete “${subjectOf(m)}” from ${senderOf(m)}`}
                  >
                    Delete
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
