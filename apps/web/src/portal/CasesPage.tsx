import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CaseListItem } from '../features/portal/CaseListItem.tsx';
import { usePortalCases } from '../features/portal/usePortalCases.ts';
import { errorMessage } from '../lib/api.ts';
import { Loading } from './Loading.tsx';
import { useTitle } from './useTitle.ts';

export function CasesPage() {
  useTitle('My cases');
  const cases = usePortalCases();
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={2}>My cases</Title>
        <Button component={Link} to="/new" size="md" leftSection={<IconPlus size={18} />}>
          Open a new case
        </Button>
      </Group>
      {cases.isPending && <Loading label="Loading your cases" />}
      {cases.isError && (
        <Alert color="red" title="Your cases cannot be shown" role="alert">
          {errorMessage(cases.error)}
        </Alert>
      )}
      {cases.isSuccess && items.length === 0 && (
        <Paper withBorder radius="md" p="xl" ta="center">
          <Text fw={600}>You have no cases yet</Text>
          <Text c="dimmed" size="sm" mt={4}>
            When you ask us something, it shows here with its status and our answers.
          </Text>
        </Paper>
      )}
      {items.length > 0 && (
        <Stack
          gap="sm"
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label="My cases"
        >
          {items.map((c) => (
            <li key={c.id}>
              <CaseListItem c={c} />
            </li>
          ))}
        </Stack>
      )}
      {cases.hasNextPage && (
        <Button
          variant="default"
          size="md"
          fullWidth
          onClick={() => void cases.fetchNextPage()}
          loading={cases.isFetchingNextPage}
        >
          Load more cases
        </Button>
      )}
    </Stack>
  );
}
