import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowRight, IconFlask } from '@tabler/icons-react';
import { Link } from 'react-router';
import { OutcomeBadge } from './OutcomeBadge.tsx';
import type { WhatIfResult } from './types.ts';
import { explain, KIND_LABEL, money, OUTCOME_LABEL } from './words.ts';

type Props = {
  result: WhatIfResult | undefined;
  error: unknown;
  pending: boolean;
  onRun: () => void;
  disabled?: string | null;
};

const roleOf = (r: string | null) => (r ? ` (${r})` : '');

/** Replays the last requests with the edit on screen and shows which outcomes would change. */
export function WhatIfPanel({ result, error, pending, onRun, disabled }: Props) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="what-if-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id="what-if-heading">
            What if
          </Title>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconFlask size={14} />}
            onClick={onRun}
            loading={pending}
            disabled={!!disabled}
          >
            Try the edit
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {disabled ??
            'Replays the workspace’s last 1,000 requests with the policy as it is on screen, beside the policies in force.'}
        </Text>
        {!!error && (
          <Alert color="red" title="The what-if did not run">
            {explain(error)}
          </Alert>
        )}
        {result && (
          <Stack gap="xs" aria-live="polite">
            <Text fw={600}>
              {result.changed} of the last {result.replayed} requests would change
            </Text>
            {result.summary.length > 0 && (
              <Group gap={4}>
                {result.summary.map((s) => (
                  <Badge key={`${s.from}-${s.to}`} variant="default" radius="sm" tt="none">
                    {OUTCOME_LABEL[s.from]} → {OUTCOME_LABEL[s.to]}: {s.count}
                  </Badge>
                ))}
              </Group>
            )}
            {result.changes.length > 0 && (
              <ScrollArea.Autosize mah={360}>
                <Table fz="sm" verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Request</Table.Th>
                      <Table.Th scope="col">Before → after</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.changes.map((c) => (
                      <Table.Tr key={c.request_id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/cases/${c.case.id}`} size="sm">
                            #{c.case.number}
                          </Anchor>{' '}
                          {KIND_LABEL[c.kind]}
                          {c.amount !== null && ` ${money(c.amount, c.currency)}`}
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {c.case.subject}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            <OutcomeBadge outcome={c.before.outcome} />
                            <Text span size="xs">
                              {roleOf(c.before.required_role)}
                            </Text>
                            <IconArrowRight size={14} aria-hidden />
                            <VisuallyHidden>becomes</VisuallyHidden>
                            <OutcomeBadge outcome={c.after.outcome} />
                            <Text span size="xs">
                              {roleOf(c.after.required_role)}
                            </Text>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
