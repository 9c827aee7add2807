import type { CustomerCaseRequest } from '@fairdesk/contract';
import { Badge, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const KIND: Record<string, string> = {
  refund: 'Refund',
  replacement: 'Replacement',
  repair: 'Repair',
  return: 'Return',
  goodwill_credit: 'Goodwill credit',
  deadline_extension: 'More time',
  data_access: 'Access to data',
  advice: 'Advice',
  other: 'Request',
};

const OUTCOME: Record<string, [string, string]> = {
  granted: ['Agreed', 'teal.9'],
  refused: ['We cannot do this', 'red.9'],
  needs_authorisation: ['Being reviewed', 'blue.9'],
};

const money = (amount: number | null, currency: string | null) =>
  amount === null || !currency
    ? ''
    : ` · ${new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount / 100)}`;

/** What the customer asked for on this case and what was decided, in the words sent to them. */
export function MyRequests({ caseId }: { caseId: string }) {
  const requests = useQuery({
    queryKey: ['case', caseId, 'requests'],
    queryFn: () => api<{ items: CustomerCaseRequest[] }>(`/cases/${caseId}/requests`).then((r) => r.items),
  });
  if (!requests.data?.length) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="my-requests">
      <Title order={3} size="h4" id="my-requests">
        Your requests
      </Title>
      {requests.data.map((r) => {
        const [label, color] = r.decision
          ? (OUTCOME[r.decision.outcome] ?? ['Decided', 'gray.7'])
          : ['Being reviewed', 'blue.9'];
        return (
          <Paper key={r.id} withBorder radius="md" p="md">
            <Stack gap={6}>
              <Text fw={600}>
                {KIND[r.kind] ?? 'Request'}
                {money(r.amount, r.currency)}
              </Text>
              <Badge color={color} variant="filled" autoContrast w="fit-content">
                {label}
              </Badge>
              {r.decision ? (
                <>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.decision.explanation}
                  </Text>
                  {r.decision.conditions.length > 0 && (
                    <Text size="sm">
                      <b>Conditions:</b> {r.decision.conditions.join('; ')}
                    </Text>
                  )}
                  {r.decision.alternatives.length > 0 && (
                    <>
                      <Text size="sm" fw={600}>
                        What we can offer instead
                      </Text>
                      <List size="sm">
                        {r.decision.alternatives.map((a) => (
                          <List.Item key={a}>{a}</List.Item>
                        ))}
                      </List>
                    </>
                  )}
                  {r.decision.citations.length > 0 && (
                    <Text size="xs" c="dimmed">
                      This rests on: {r.decision.citations.map((c) => `${c.name} (${c.citation})`).join('; ')}
                    </Text>
                  )}
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  We are looking at this and will write to you with our answer.
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
