import { Alert, ScrollArea, Table, Text, Title } from '@mantine/core';
import type { CustomerImport } from './useCustomers.ts';

/** The rows that were not imported, by line of the file (the header is line 1). */
export function ImportReport({ job }: { job: CustomerImport }) {
  const count = job.rejected_count ?? job.rejected.length;
  if (count === 0) {
    return job.status === 'done' ? (
      <Alert color="teal" title="Every row was imported">
        {job.created} customers added and {job.updated} updated.
      </Alert>
    ) : null;
  }
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        Rejected rows ({count})
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Fix these lines in the file and import it again; rows already imported are updated, not duplicated.
        {count > job.rejected.length ? ` The first ${job.rejected.length} are listed.` : ''}
      </Text>
      <ScrollArea.Autosize
        mah={280}
        type="auto"
        viewportProps={{ tabIndex: 0, 'aria-label': 'Rejected rows' }}
      >
        <Table striped withTableBorder stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>Line</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.rejected.map((r) => (
              <Table.Tr key={`${r.line}-${r.reason}`}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>{r.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </div>
  );
}
