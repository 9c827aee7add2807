import { Badge, Button, Collapse, Divider, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconGavel, IconHandStop, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { ago } from '../../lib/format.ts';
import { AskAuthorisationForm } from './AskAuthorisationForm.tsx';
import { AuthoriseForm } from './AuthoriseForm.tsx';
import { DecisionComposer } from './DecisionComposer.tsx';
import { DecisionTrace } from './DecisionTrace.tsx';
import { factText } from './facts.ts';
import { isSent, nextStep } from './nextStep.ts';
import { OutcomeBadge } from './OutcomeBadge.tsx';
import { RequestStatus } from './RequestStatus.tsx';
import type { CaseRequest } from './types.ts';
import { AMBER, aRole, KIND_LABEL, money } from './words.ts';

type Open = null | 'authorise' | 'ask';

/** One request: what was asked, the decision and why, what happened since, and the next step. */
export function RequestCard({ request: r, focused }: { request: CaseRequest; focused?: boolean }) {
  const d = r.decision;
  const [traceOpen, setTraceOpen] = useState(!!focused);
  const [open, setOpen] = useState<Open>(null);
  const [composing, setComposing] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [focused]);
  const amount = money(r.amount, r.currency);
  const facts = Object.entries(r.facts);
  const titleId = `request-${r.id}`;
  const sent = isSent(r);
  return (
    <Paper
      ref={ref}
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-labelledby={titleId}
      style={focused ? { borderColor: 'var(--mantine-color-teal-5)' } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={3} size="h5" id={titleId}>
              {KIND_LABEL[r.kind]}
              {amount && ` · ${amount}`}
            </Title>
            <Text size="xs" c="dimmed">
              Recorded {ago(r.created_at)}
              {r.recorded_by && ` by ${r.recorded_by.name}`}
            </Text>
          </Stack>
          <Group gap={4} wrap="nowrap">
            {d.hard && (
              <Badge color="dark" variant="outline" radius="sm">
                Hard rule
              </Badge>
            )}
            {d.outcome === 'needs_authorisation' && d.required_role && (
              <Badge color={AMBER} variant="outline" radius="sm">
                needs {aRole(d.required_role)}
              </Badge>
            )}
            <OutcomeBadge outcome={d.outcome} />
          </Group>
        </Group>
        {r.description && <Text size="sm">{r.description}</Text>}
        {facts.length > 0 && (
          <Group gap={4}>
            {facts.map(([k, v]) => (
              <Badge key={k} variant="default" radius="sm" tt="none" fw={400}>
                {k}: {factText(v)}
              </Badge>
            ))}
          </Group>
        )}
        <Divider />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Decision
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {d.explanation}
          </Text>
          {d.alternatives.length > 0 && (
            <div>
              <Text size="sm" fw={500}>
                Alternatives to offer
              </Text>
              <List size="sm">
                {d.alternatives.map((a) => (
                  <List.Item key={a}>{a}</List.Item>
                ))}
              </List>
            </div>
          )}
          {d.citations.length > 0 && (
            <Text size="xs" c="dimmed">
              Rests on: {d.citations.map((c) => `${c.name} — ${c.citation}`).join('; ')}
            </Text>
          )}
          <RequestStatus request={r} />
        </Stack>
        <div>
          <Button
            variant="subtle"
            size="compact-sm"
            color="gray"
            leftSection={traceOpen ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            onClick={() => setTraceOpen((o) => !o)}
            aria-expanded={traceOpen}
            aria-controls={`${titleId}-trace`}
          >
            {traceOpen ? 'Hide' : 'Show'} the trace ({d.trace.length}{' '}
            {d.trace.length === 1 ? 'policy' : 'policies'})
          </Button>
          <Collapse expanded={traceOpen} id={`${titleId}-trace`}>
            <div style={{ paddingTop: 8 }}>
              <DecisionTrace trace={d.trace} />
            </div>
          </Collapse>
        </div>
        <Paper bg="gray.0" p="sm" radius="sm">
          <Stack gap="xs">
            <Text size="sm">
              <Text span fw={600}>
                Next step:{' '}
              </Text>
              {nextStep(r)}
            </Text>
            <Group gap="xs">
              {r.can.communicate && (
                <Button
                  size="xs"
                  variant={sent ? 'default' : r.can.approve || r.can.ask_authorisation ? 'light' : 'filled'}
                  leftSection={<IconSend size={14} />}
                  onClick={() => setComposing(true)}
                >
                  {sent
                    ? 'Send again'
                    : d.outcome === 'needs_authorisation'
                      ? 'Tell the customer it is under review'
                      : 'Send the decision'}
                </Button>
              )}
              {r.can.ask_authorisation && (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconHandStop size={14} />}
                  onClick={() => setOpen(open === 'ask' ? null : 'ask')}
                  aria-expanded={open === 'ask'}
                >
                  Ask for authorisation
                </Button>
              )}
              {(r.can.approve || r.can.deny) && (
                <Button
                  size="xs"
                  variant="light"
                  color={AMBER}
                  leftSection={<IconGavel size={14} />}
                  onClick={() => setOpen(open === 'authorise' ? null : 'authorise')}
                  aria-expanded={open === 'authorise'}
                >
                  {r.can.deny ? 'Approve or deny' : 'Make an exception'}
                </Button>
              )}
            </Group>
            {open === 'authorise' && (
              <AuthoriseForm
                requestId={r.id}
                canApprove={r.can.approve}
                canDeny={r.can.deny}
                onDone={() => setOpen(null)}
                onCancel={() => setOpen(null)}
              />
            )}
            {open === 'ask' && <AskAuthorisationForm request={r} onDone={() => setOpen(null)} />}
          </Stack>
        </Paper>
      </Stack>
      {composing && <DecisionComposer request={r} onClose={() => setComposing(false)} />}
    </Paper>
  );
}
