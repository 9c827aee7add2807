import { Alert, Anchor, List, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DryRunResult } from './types.ts';
import { SKIP_REASON } from './words.ts';

/** The cases a dry run matched and what each action would do to each of them. */
export function DryRunTable({ result }: { result: DryRunResult }) {
  return (
    <>
      <Text size="sm" role="status">
        {result.matched === 0
          ? `None of the ${result.considered} cases looked at match.`
          : `${result.matched} of the ${result.considered} cases looked at match. Nothing was changed.`}
      </Text>
      {result.condition_errors.length > 0 && (
        <Alert color="yellow" title="The condition could not be evaluated on some cases">
          {result.condition_errors.join('; ')}
        </Alert>
      )}
      {result.cases.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" striped aria-label="Dry run: matching cases">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>Case</Table.Th>
                <Table.Th>Subject</Table.Th>
                <Table.Th w={100}>Status</Table.Th>
                <Table.Th>Would do</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.cases.map((c) => (
                <Table.Tr key={c.case_id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${c.case_id}`} size="sm" fw={600}>
                      #{c.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1}>
                      {c.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.status.replace('_', ' ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <List size="sm" spacing={2}>
                      {c.planned.map((s, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: steps are listed in order
                        <List.Item key={`p${i}`}>{s.summary}</List.Item>
                      ))}
                      {c.skipped.map((s, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: steps are listed in order
                        <List.Item key={`s${i}`} c="dimmed">
                          <Text span size="sm" td="line-through">
                            {s.summary}
                          </Text>{' '}
                          ({SKIP_REASON[s.reason ?? ''] ?? s.reason})
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
