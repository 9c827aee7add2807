import {
  Alert,
  Anchor,
  Avatar,
  Badge,
  Breadcrumbs,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCheck, IconUserCheck } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PriorityBadge, StatusBadge } from '../features/cases/CaseBadges.tsx';
import { CaseFields } from '../features/cases/CaseFields.tsx';
import { MessageList } from '../features/cases/MessageList.tsx';
import { ReplyEditor, type ReplyHandle } from '../features/cases/ReplyEditor.tsx';
import { TimelineList } from '../features/cases/TimelineList.tsx';
import { useCase, useUpdateCase } from '../features/cases/useCase.ts';
import { usePresence } from '../features/cases/usePresence.ts';
import { CustomerPanel } from '../features/customers/CustomerPanel.tsx';
import { RequestsPanel } from '../features/policies/RequestsPanel.tsx';
import { RequestsTabLabel } from '../features/policies/RequestsTabLabel.tsx';
import { SlaBadges } from '../features/sla/index.ts';
import { errorMessage } from '../lib/api.ts';
import { ago } from '../lib/format.ts';
import { notifyDone } from '../lib/notify.ts';
import type { CurrentUser } from '../lib/types.ts';
import { lastQueueUrl, nextInQueue } from './queues.ts';

type Staff = Extract<CurrentUser, { kind: 'staff' }>;

export function CasePage({ me }: { me: Staff }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useCase(id);
  const c = query.data;
  const update = useUpdateCase(c);
  const reply = useRef<ReplyHandle>(null);
  const typing = usePresence(id);
  const [editingSubject, setEditingSubject] = useState(false);
  const go = (step: 1 | -1) => {
    const next = nextInQueue(id, step);
    if (next) navigate(`/cases/${next}`);
  };
  const assignToMe = () =>
    c?.can.assign &&
    update.mutate({ assignee_id: me.id }, { onSuccess: () => notifyDone('Assigned to you') });
  const solve = () =>
    c?.can.solve && update.mutate({ status: 'solved' }, { onSuccess: () => notifyDone('Case solved') });
  useHotkeys([
    ['j', () => go(1)],
    ['k', () => go(-1)],
    ['r', () => reply.current?.focus('public')],
    ['n', () => reply.current?.focus('internal')],
    ['m', () => reply.current?.openMacros()],
    ['a', assignToMe],
    ['s', solve],
    ['Escape', () => navigate(lastQueueUrl())],
  ]);
  if (query.isPending)
    return (
      <Center h="50vh">
        <Loader aria-label="Loading case" />
      </Center>
    );
  if (query.isError || !c)
    return (
      <Alert color="red" title="This case cannot be shown">
        {errorMessage(query.error)}
      </Alert>
    );
  const viewers = c.viewers ?? [];
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={lastQueueUrl()} size="sm">
          Queue
        </Anchor>
        <Text size="sm">Case #{c.number}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ flex: 1 }}>
          {editingSubject ? (
            <TextInput
              aria-label="Subject"
              defaultValue={c.subject}
              autoFocus
              onBlur={(e) => {
                setEditingSubject(false);
                const v = e.currentTarget.value.trim();
                if (v && v !== c.subject) update.mutate({ subject: v });
              }}
              onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
              size="lg"
            />
          ) : (
            <Title
              order={2}
              onDoubleClick={() => c.can.update && setEditingSubject(true)}
              title={c.can.update ? 'Double-click to edit' : undefined}
            >
              {c.subject}
            </Title>
          )}
          <Group gap="xs">
            <StatusBadge status={c.status} />
            <PriorityBadge priority={c.priority} />
            <SlaBadges sla={c.sla} />
            <Text size="sm" c="dimmed">
              #{c.number} · via {c.channel} · opened {ago(c.created_at)}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {viewers.length > 0 && (
            <Tooltip
              label={viewers
                .map((v) => `${v.name} is ${v.state === 'replying' ? 'replying' : 'viewing'}`)
                .join(', ')}
            >
              <Badge
                color={viewers.some((v) => v.state === 'replying') ? 'orange' : 'blue'}
                variant="light"
                leftSection={
                  <Avatar.Group>
                    {viewers.slice(0, 3).map((v) => (
                      <Avatar key={v.id} size={16} radius="xl">
                        {v.name[0]}
                      </Avatar>
                    ))}
                  </Avatar.Group>
                }
                aria-live="polite"
              >
                {viewers.length === 1
                  ? `${viewers[0]!.name} is ${viewers[0]!.state === 'replying' ? 'replying' : 'here'}`
                  : `${viewers.length} others here`}
              </Badge>
            </Tooltip>
          )}
          {c.can.assign && c.assignee?.id !== me.id && (
            <Button variant="default" leftSection={<IconUserCheck size={16} />} onClick={assignToMe}>
              Assign to me
            </Button>
          )}
          {c.can.solve && (
            <Button leftSection={<IconCheck size={16} />} onClick={solve} loading={update.isPending}>
              Solve
            </Button>
          )}
          {c.can.reopen && (
            <Button variant="default" onClick={() => update.mutate({ status: 'open' })}>
              Reopen
            </Button>
          )}
          {c.can.close && (
            <Button variant="default" onClick={() => update.mutate({ status: 'closed' })}>
              Close
            </Button>
          )}
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs defaultValue="conversation" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="conversation">Conversation ({c.messages.length})</Tabs.Tab>
              <Tabs.Tab value="timeline">Timeline ({c.timeline.length})</Tabs.Tab>
              <Tabs.Tab value="requests">
                <RequestsTabLabel caseId={c.id} />
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="conversation">
              <Stack gap="md">
                <MessageList messages={c.messages} />
                <ReplyEditor c={c} handle={reply} onTyping={typing} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="timeline">
              <Paper withBorder radius="md" p="md">
                <TimelineList events={c.timeline} />
              </Paper>
            </Tabs.Panel>
            <Tabs.Panel value="requests">
              <RequestsPanel caseId={c.id} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <CaseFields c={c} />
            </Paper>
            <CustomerPanel customerId={c.customer.id} currentCaseId={c.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
