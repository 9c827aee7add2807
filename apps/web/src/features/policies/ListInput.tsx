import { ActionIcon, Button, Fieldset, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

type Props = {
  legend: string;
  /** What one item is called, for the buttons and labels: "alternative", "condition". */
  item: string;
  values: string[];
  onChange: (values: string[]) => void;
  description?: string;
  /** The fewest items allowed; the last ones cannot be removed. */
  min?: number;
  max?: number;
  error?: string;
  disabled?: boolean;
};

/** A list of short texts, each its own labelled field, with add and remove. */
export function ListInput({
  legend,
  item,
  values,
  onChange,
  description,
  min = 0,
  max = 10,
  error,
  disabled,
}: Props) {
  const set = (i: number, v: string) => onChange(values.map((x, j) => (j === i ? v : x)));
  const remove = (i: number) => onChange(values.filter((_, j) => j !== i));
  return (
    <Fieldset legend={legend} variant="unstyled" disabled={disabled}>
      <Stack gap={6}>
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
        {values.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are plain texts edited in place
          <Group key={i} gap={6} wrap="nowrap" align="flex-start">
            <Textarea
              aria-label={`${capital(item)} ${i + 1}`}
              value={v}
              onChange={(e) => set(i, e.currentTarget.value)}
              autosize
              minRows={1}
              maxRows={4}
              style={{ flex: 1 }}
              error={!!error && !v.trim()}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={4}
              onClick={() => remove(i)}
              disabled={values.length <= min}
              aria-label={`Remove ${item} ${i + 1}`}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {error && (
          <Text size="xs" c="red" role="alert">
            {error}
          </Text>
        )}
        {values.length < max && !disabled && (
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              onClick={() => onChange([...values, ''])}
            >
              Add {values.length ? 'another' : /^[aeiou]/.test(item) ? 'an' : 'a'} {item}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
