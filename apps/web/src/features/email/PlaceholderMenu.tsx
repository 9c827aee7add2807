import { Button, Code, Menu, Text } from '@mantine/core';
import { IconBraces } from '@tabler/icons-react';
import { PLACEHOLDER_WORDS } from './templateWords.ts';

/** Inserts `{{name}}` where the cursor was, from the placeholders this kind offers. */
export function PlaceholderMenu({
  placeholders,
  onInsert,
}: {
  placeholders: string[];
  onInsert: (name: string) => void;
}) {
  return (
    <Menu position="bottom-start" shadow="md" width={360}>
      <Menu.Target>
        <Button variant="default" size="xs" leftSection={<IconBraces size={14} aria-hidden />}>
          Insert placeholder
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Filled in for each customer and case</Menu.Label>
        {placeholders.map((p) => (
          <Menu.Item key={p} onClick={() => onInsert(p)}>
            <Code>{`{{${p}}}`}</Code>
            <Text size="xs" c="dimmed" mt={2}>
              {PLACEHOLDER_WORDS[p] ?? p}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
