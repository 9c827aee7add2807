import { Anchor, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { ago } from '../../lib/format.ts';
import type { Customer } from '../../lib/types.ts';

type Props = { customers: Customer[]; onEdit: (c: Customer) => void; onMerge: (c: Customer) => void };

export function CustomerTable({ customers, onEdit, onMerge }: Props) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Organisation</Table.Th>
            <Table.Th w={90}>Language</Table.Th>
            <Table.Th w={130}>Updated</Table.Th>
            <Table.Th w={190}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/customers/${c.id}`} fw={600} size="sm">
                  {c.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {c.email}
                  {c.emails.length > 1 ? ` +${c.emails.length - 1} more` : ''}
                  {c.phone ? ` · ${c.phone}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={c.organisation ? undefined : 'dimmed'}>
                  {c.organisation?.name ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.language}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" title={c.updated_at}>
                  {ago(c.updated_at)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => onEdit(c)} aria-label={`Edit ${c.name}`}>
                    Edit
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => onMerge(c)}
                    aria-label={`Merge a duplicate into ${c.name}`}
                  >
                    Merge…
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
