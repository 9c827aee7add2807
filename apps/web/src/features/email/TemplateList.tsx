import { NotificationKind } from '@fairdesk/contract';
import { Badge, Group, NavLink, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { KIND_WORDS, languageName } from './templateWords.ts';
import type { NotificationTemplate } from './useTemplates.ts';

type Props = {
  items: NotificationTemplate[];
  selected: string;
  onSelect: (t: NotificationTemplate) => void;
};

/** Every template by kind and language, with whether it is the workspace's own text and switched on. */
export function TemplateList({ items, selected, onSelect }: Props) {
  return (
    <Paper withBorder radius="md" p="xs" component="nav" aria-label="Notification templates">
      <Stack gap="sm">
        {NotificationKind.options.map((kind) => (
          <div key={kind}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt={4} pb={2}>
              {KIND_WORDS[kind].label}
            </Text>
            {items
              .filter((t) => t.kind === kind)
              .map((t) => {
                const key = `${t.kind}:${t.language}`;
                return (
                  <NavLink
                    key={key}
                    component="button"
                    active={key === selected}
                    variant="filled"
                    aria-current={key === selected ? 'true' : undefined}
                    label={languageName(t.language)}
                    onClick={() => onSelect(t)}
                    rightSection={
                      <Group gap={4} wrap="nowrap">
                        {!t.enabled && (
                          <Badge size="sm" color="red.9" variant="filled" autoContrast>
                            Off
                          </Badge>
                        )}
                        <StateBadge t={t} />
                      </Group>
                    }
                  />
                );
              })}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

/** Customised, the built-in text, or no text in this language yet (another language is sent). */
function StateBadge({ t }: { t: NotificationTemplate }) {
  const [label, color, hint] = t.customised
    ? ['Customised', 'violet.9', 'The workspace’s own text']
    : t.has_default
      ? ['Default', 'gray.7', 'Fairdesk’s built-in text']
      : ['No text', 'blue.9', 'No text in this language yet: the first language’s email is sent'];
  return (
    <Tooltip label={hint} withArrow>
      <Badge size="sm" variant="filled" autoContrast color={color}>
        {label}
      </Badge>
    </Tooltip>
  );
}
