import { Button, Menu, Text } from '@mantine/core';
import { IconBraces } from '@tabler/icons-react';
import type { RefObject } from 'react';
import { usePlaceholders } from './useMacros.ts';

type Props = {
  target: RefObject<HTMLTextAreaElement | null>;
  value: string;
  onChange: (next: string) => void;
};

/** Inserts a {{placeholder}} where the cursor is in the macro's text. */
export function PlaceholderMenu({ target, value, onChange }: Props) {
  const placeholders = usePlaceholders();
  const insert = (key: string) => {
    const el = target.current;
    const token = `{{${key}}}`;
    const at = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? at;
    onChange(value.slice(0, at) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  return (
    <Menu position="bottom-end" width={340} withinPortal>
      <Menu.Target>
        <Button size="xs" variant="light" leftSection={<IconBraces size={14} aria-hidden />}>
          Insert placeholder
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {(placeholders.data ?? []).map((p) => (
          <Menu.Item key={p.key} onClick={() => insert(p.key)}>
            <Text size="sm" ff="monospace">{`{{${p.key}}}`}</Text>
            <Text size="xs" c="gray.7">
              {p.description}
              {p.fallback ? ` · if unknown: “${p.fallback}”` : ''}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
