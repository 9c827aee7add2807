import { Alert, Anchor, Button, Center, Group, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ago } from '../../lib/format.ts';
import { explain } from '../admin/words.ts';
import { PriorityBadge, StatusBadge } from '../cases/CaseBadges.tsx';
import { useCustomerHistory } from './useCustomers.ts';

/** Every case of the customer, most recently active first, a page at a time. */
export function CustomerCases({ customerId }: { customerId: string }) {
  const history = useCustomerHistory(customerId);
  const cases = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder radius="md">
      <Group justify="space-between" p="md" pb="xs">
        <Title order={3} size="h4">
          Cases
        </Title>
        <Text size="sm" c="dimmed">
          {history.isSuccess
            ? `${cases.length}${history.hasNextPage ? '+' : ''} ${cases.length === 1 ? 'case' : 'cases'}`
            : ''}
        </Text>
      </Group>
      {history.isError && (
        <Alert color="red" m="md">
          {explain(history.error)}
        </Alert>
      )}
      {history.isPending ? (
        <Center p="xl">
          <Loader aria-label="Loading cases" />
        </Center>
      ) : cases.length === 0 ? (
        <Text c="dimmed" p="md" pt={0}>
          No cases yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>#</Table.Th>
                <Table.Th>Subject</Table.Th>
                <Table.Th w={110}>Status</Table.Th>
                <Table.Th w={100}>Priority</Table.Th>
                <Table.Th w={120}>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {c.number}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${c.id}`} size="sm" fw={600}>
                      {c.subject}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      via {c.channel} · opened {ago(c.created_at)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>
                    <PriorityBadge priority={c.priority} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" title={c.updated_at}>
                      {ago(c.updated_at)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {history.hasNextPage && (
        <Center p="sm">
          <Button
            variant="light"
            loading={history.isFetchingNextPage}
            onClick={() => history.fetchNextPage()}
          >
            Load more cases
          </Button>
        </Center>
      )}
    </Paper>
  );
}
