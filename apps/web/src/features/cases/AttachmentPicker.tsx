import { Button, CloseButton, FileButton, Group, Pill, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { fileSize } from '../../lib/format.ts';
import type { useAttachments } from './useAttachments.ts';

export function AttachmentPicker({ att }: { att: ReturnType<typeof useAttachments> }) {
  return (
    <Group gap="xs">
      <FileButton onChange={(f) => f.length && void att.add(f)} multiple>
        {(props) => (
          <Button
            {...props}
            variant="subtle"
            color="gray"
            size="xs"
            leftSection={<IconPaperclip size={14} />}
            loading={att.uploading}
          >
            Attach files
          </Button>
        )}
      </FileButton>
      {att.files.map((a) => (
        <Pill key={a.id} size="md">
          <Group gap={4} wrap="nowrap">
            <Text size="xs">
              {a.filename} ({fileSize(a.size_bytes)})
            </Text>
            <CloseButton size="xs" aria-label={`Remove ${a.filename}`} onClick={() => att.remove(a.id)} />
          </Group>
        </Pill>
      ))}
    </Group>
  );
}
