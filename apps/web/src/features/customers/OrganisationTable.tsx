import { Table, Text, VisuallyHidden } from '@mantine/core';
import { RowActions } from '../../lib/RowActions.tsx';
import type { Organisation } from '../../lib/types.ts';

type Props = {
  organisations: Organisation[];
  onEdit: (o: Organisation) => void;
  onDelete: (o: Organisation) => void;
};

export function OrganisationTable({ organisations, onEdit, onDelete }: Props) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Organisation</Table.Th>
            <Table.Th w={200}>Mail domain</Table.Th>
            <Table.Th w={110} ta="right">
              Customers
            </Table.Th>
            <Table.Th w={180}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {organisations.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {o.name}
                </Text>
                {o.notes && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {o.notes}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={o.domain ? undefined : 'dimmed'}>
                  {o.domain ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{o.customer_count}</Text>
              </Table.Td>
              <Table.Td>
                <RowActions name={o.name} onEdit={() => onEdit(o)} onDelete={() => onDelete(o)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
