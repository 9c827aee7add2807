import { Anchor, Avatar, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLock, IconPaperclip, IconRobot } from '@tabler/icons-react';
import { ago, fileSize, fullDate } from '../../lib/format.ts';
import type { Message } from '../../lib/types.ts';

const initials = (name: string | null) =>
  (name ?? '?')
    .split(/\s+/)
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();

/** The conversation: customer messages, staff replies, and internal notes that look unmistakably different. */
export function MessageList({ messages }: { messages: Message[] }) {
  return (
    <Stack gap="md">
      {messages.map((m) => {
        const note = m.visibility === 'internal';
        const fromCustomer = m.author.kind === 'customer';
        // Sent by an automation (a macro): the server names it "<workspace> (automatic)".
        const automatic = m.author.kind === 'system';
        return (
          <Paper
            key={m.id}
            withBorder
            radius="md"
            p="md"
            bg={note ? 'yellow.0' : fromCustomer ? 'white' : 'teal.0'}
            style={note ? { borderColor: 'var(--mantine-color-yellow-4)', borderStyle: 'dashed' } : undefined}
            aria-label={
              note
                ? 'Internal note'
                : fromCustomer
                  ? 'Message from the customer'
                  : automatic
                    ? 'Automatic reply to the customer'
                    : 'Reply to the customer'
            }
          >
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Group gap="sm" wrap="nowrap">
                <Avatar
                  radius="xl"
                  size="sm"
                  variant="filled"
                  color={fromCustomer ? 'blue.9' : automatic ? 'gray.8' : 'teal.9'}
                >
                  {automatic ? <IconRobot size={14} aria-hidden /> : initials(m.author.name)}
                </Avatar>
                <div>
                  <Text size="sm" fw={600}>
                    {m.author.name ?? 'System'}
                  </Text>
                  <Text size="xs" c="dimmed" title={fullDate(m.created_at)}>
                    {ago(m.created_at)}
                  </Text>
                </div>
              </Group>
              {note && (
                <Badge color="yellow" variant="filled" leftSection={<IconLock size={12} />}>
                  Internal note
                </Badge>
              )}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {m.body}
            </Text>
            {m.attachments.length > 0 && (
              <Group gap="xs" mt="sm">
                {m.attachments.map((a) => (
                  <Anchor key={a.id} href={a.url} size="sm" download>
                    <Group gap={4} wrap="nowrap">
                      <IconPaperclip size={14} />
                      {a.filename} ({fileSize(a.size_bytes)})
                    </Group>
                  </Anchor>
                ))}
              </Group>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
