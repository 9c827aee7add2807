import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { Conversation } from '../features/portal/Conversation.tsx';
import { CustomerStatus } from '../features/portal/CustomerStatus.tsx';
import { MyRequests } from '../features/portal/MyRequests.tsx';
import { ReplyForm } from '../features/portal/ReplyForm.tsx';
import { useCustomerCase, useMarkSolved } from '../features/portal/useCustomerCase.ts';
import { errorMessage } from '../lib/api.ts';
import { fullDate } from '../lib/format.ts';
import type { CaseDetail } from '../lib/types.ts';
import { Loading } from './Loading.tsx';
import { useTitle } from './useTitle.ts';

const back = (
  <Anchor component={Link} to="/" size="sm" w="fit-content" py="xs" display="inline-block">
    <IconArrowLeft size={14} style={{ verticalAlign: '-2px' }} aria-hidden /> My cases
  </Anchor>
);

export function CasePage() {
  const { id = '' } = useParams();
  const query = useCustomerCase(id);
  useTitle(query.data ? `Case #${query.data.number}` : 'Case');
  if (query.isPending) return <Loading label="Loading the case" />;
  if (query.isError)
    return (
      <Stack gap="md">
        {back}
        <Alert color="red" title="This case cannot be shown" role="alert">
          {errorMessage(query.error)}
        </Alert>
      </Stack>
    );
  return <CaseView c={query.data} />;
}

function CaseView({ c }: { c: CaseDetail }) {
  const solve = useMarkSolved(c);
  return (
    <Stack gap="lg">
      {back}
      <Stack gap="xs">
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          {c.subject}
        </Title>
        <Group gap="sm" align="center">
          <CustomerStatus status={c.status} size="lg" />
          <Text size="sm" c="dimmed">
            Case #{c.number} · opened {fullDate(c.created_at)}
          </Text>
        </Group>
      </Stack>
      {c.can.solve && (
        <Group
          justify="space-between"
          gap="sm"
          p="sm"
          bg="white"
          style={{
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 'var(--mantine-radius-md)',
          }}
        >
          <Text size="sm">Did our answer solve your problem?</Text>
          <Button
            variant="filled"
            size="md"
            leftSection={<IconCheck size={18} />}
            onClick={() => solve.mutate()}
            loading={solve.isPending}
          >
            This is solved
          </Button>
        </Group>
      )}
      <Stack gap="sm">
        <Title order={3} size="h4">
          Conversation
        </Title>
        <Conversation messages={c.messages} />
      </Stack>
      <MyRequests caseId={c.id} />
      {c.can.reply ? (
        <ReplyForm key={c.id} c={c} />
      ) : (
        <Alert color="gray" icon={<IconInfoCircle size={20} />}>
          <Stack gap="sm" align="flex-start">
            <Text>This case is closed; open a new one if you need more help.</Text>
            <Button component={Link} to="/new" size="md">
              Open a new case
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
