import { Badge, Button, CloseButton, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { fileSize } from '../../lib/format.ts';
import type { useAttachments } from '../cases/useAttachments.ts';

type Props = { att: ReturnType<typeof useAttachments>; error?: string | null };

/** Files upload as soon as they are chosen; the list shows what will go with the message. */
export function FilePicker({ att, error }: Props) {
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <FileButton onChange={(f) => f.length && void att.add(f)} multiple>
          {(props) => (
            <Button
              {...props}
              variant="default"
              size="sm"
              leftSection={<IconPaperclip size={16} />}
              loading={att.uploading}
              loaderProps={{ 'aria-label': 'Uploading' }}
            >
              Attach files
            </Button>
          )}
        </FileButton>
        {att.uploading && (
          <Text size="sm" c="dimmed" role="status">
            Uploading…
          </Text>
        )}
      </Group>
      {att.files.length > 0 && (
        <Group gap="xs" aria-label="Attached files" role="list">
          {att.files.map((a) => (
            <Badge
              key={a.id}
              role="listitem"
              size="xl"
              variant="light"
              color="gray"
              c="dark.7"
              tt="none"
              fw={500}
              maw="100%"
              rightSection={
                <CloseButton size="sm" aria-label={`Remove ${a.filename}`} onClick={() => att.remove(a.id)} />
              }
            >
              {a.filename} ({fileSize(a.size_bytes)})
            </Badge>
          ))}
        </Group>
      )}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
