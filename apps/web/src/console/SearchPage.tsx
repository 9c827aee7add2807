import { Alert, Anchor, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { PriorityBadge, StatusBadge } from '../features/cases/CaseBadges.tsx';
import { api, errorMessage, qs } from '../lib/api.ts';
import { ago } from '../lib/format.ts';
import type { SearchResult } from '../lib/types.ts';
import { markedSubject, matchedWhere, onlyExcludes } from './search-hit.ts';

export function SearchPage() {
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const result = useQuery({
    queryKey: ['search', q],
    queryFn: () => api<SearchResult>(`/search${qs({ q, limit: 50 })}`),
    enabled: q.length > 0,
  });
  return (
    <Stack>
      <Title order={2}>Search: “{q}”</Title>
      {onlyExcludes(q) && <Text c="dimmed">The newest cases whose subject has none of these words.</Text>}
      {result.isPending && q && (
        <Center p="xl">
          <Loader aria-label="Searching" />
        </Center>
      )}
      {result.isError && <Alert color="red">{errorMessage(result.error)}</Alert>}
      {result.data?.items.length === 0 && <Text c="dimmed">No case or message matches these words.</Text>}
      {result.data?.items.map((h) => {
        const marked = markedSubject(h);
        const where = matchedWhere(h);
        return (
          <Paper key={h.case.id} withBorder radius="md" p="md">
            <Group justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/cases/${h.case.id}`} fw={600}>
                #{h.case.number}{' '}
                {marked ? (
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: the server escapes the text and adds only <mark> around matches
                  <span dangerouslySetInnerHTML={{ __html: marked }} />
                ) : (
                  h.case.subject
                )}
              </Anchor>
              <Group gap="xs" wrap="nowrap">
                <StatusBadge status={h.case.status} />
                <PriorityBadge priority={h.case.priority} />
              </Group>
            </Group>
            {!marked && (
              // biome-ignore lint/security/noDangerouslySetInnerHtml: the server escapes the text and adds only <mark> around matches
              <Text size="sm" mt={6} dangerouslySetInnerHTML={{ __html: h.headline }} />
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {h.case.customer.name}
              {where && ` · matched in the ${where}`} · updated {ago(h.case.updated_at)}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
