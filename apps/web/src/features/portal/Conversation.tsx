import { Anchor, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { ago, fileSize, fullDate } from '../../lib/format.ts';
import type { Message } from '../../lib/types.ts';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();

/** The conversation as the customer sees it: their own messages and the team's replies (the server sends nothing else). */
export function Conversation({ messages }: { messages: Message[] }) {
  return (
    <Stack
      gap="md"
      component="ol"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      aria-label="Conversation"
    >
      {messages.map((m) => {
        const mine = m.author.kind === 'customer';
        const who = mine ? 'You' : (m.author.name ?? 'Support team');
        return (
          <Paper
            key={m.id}
            component="li"
            withBorder
            radius="md"
            p="md"
            bg={mine ? 'white' : 'teal.0'}
            ml={mine ? { base: 0, sm: 'xl' } : 0}
            mr={mine ? 0 : { base: 0, sm: 'xl' }}
            aria-label={`${who}, ${ago(m.created_at)}`}
          >
            <Group gap="sm" wrap="nowrap" mb="xs">
              <ThemeIcon
                radius="xl"
                size={38}
                color={mine ? 'blue.9' : 'teal.9'}
                fz="sm"
                fw={700}
                aria-hidden
              >
                {initials(who)}
              </ThemeIcon>
              <div>
                <Text size="sm" fw={600}>
                  {who}
                  {!mine && (
                    <Text span size="xs" c="dimmed" fw={400}>
                      {' '}
                      · support team
                    </Text>
                  )}
                </Text>
                <Text
                  size="xs"
                  c="dimmed"
                  component="time"
                  dateTime={m.created_at}
                  title={fullDate(m.created_at)}
                >
                  {fullDate(m.created_at)}
                </Text>
              </div>
            </Group>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.body}</Text>
            {m.attachments.length > 0 && (
              <Stack gap={6} mt="sm">
                {m.attachments.map((a) => (
                  <Anchor key={a.id} href={a.url} size="sm" download py={4}>
                    <Group gap={6} wrap="nowrap">
                      <IconPaperclip size={16} aria-hidden />
                      <span style={{ overflowWrap: 'anywhere' }}>
                        {a.filename} ({fileSize(a.size_bytes)})
                      </span>
                    </Group>
                  </Anchor>
                ))}
              </Stack>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
