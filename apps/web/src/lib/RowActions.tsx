import { Button, Group } from '@mantine/core';

type Props = { name: string; onEdit: () => void; onDelete: () => void; deleteLabel?: string };

/** The Edit / Delete pair at the end of an admin table row, each named after the row for screen readers. */
export function RowActions({ name, onEdit, onDelete, deleteLabel = 'Delete' }: Props) {
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Button size="xs" variant="default" onClick={onEdit} aria-label={`Edit ${name}`}>
        Edit
      </Button>
      <Button size="xs" variant="subtle" color="red" onClick={onDelete} aria-label={`${deleteLabel} ${name}`}>
        {deleteLabel}
      </Button>
    </Group>
  );
}
