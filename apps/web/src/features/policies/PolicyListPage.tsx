import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { fullDate } from '../../lib/format.ts';
import { LayerBadge } from './LayerBadge.tsx';
import { PolicySettingsLine } from './PolicySettingsLine.tsx';
import type { Policy } from './types.ts';
import { usePolicies } from './usePolicies.ts';
import { AMBER, EFFECT_LABEL, explain, KIND_LABEL, LAYERS } from './words.ts';

const current = (p: Policy) => p.in_force ?? p.scheduled ?? p.draft;

/** /policies: the rules every request is weighed against, by layer (law first). */
export function PolicyListPage({ isAdmin }: { isAdmin: boolean }) {
  const policies = usePolicies();
  const items = [...(policies.data ?? [])].sort((a, b) => {
    const la = LAYERS.indexOf(current(a)?.layer ?? 'organisational');
    const lb = LAYERS.indexOf(current(b)?.layer ?? 'organisational');
    return la - lb || a.created_at.localeCompare(b.created_at);
  });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Policies</Title>
          <Text size="sm" c="dimmed">
            Every request is weighed against the law, professional requirements, moral standards and our own
            policies. The first three are hard; ours may be bent with authority.
          </Text>
        </div>
        {isAdmin && (
          <Button component={Link} to="/policies/new" leftSection={<IconPlus size={16} />}>
            New policy
          </Button>
        )}
      </Group>
      <PolicySettingsLine isAdmin={isAdmin} />
      {policies.isError && <Alert color="red">{explain(policies.error)}</Alert>}
      <Paper withBorder radius="md">
        {policies.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading policies" />
          </Center>
        ) : items.length === 0 ? (
          <Center p="xl">
            <Text c="dimmed">No policies yet. Without them every request goes to the workspace default.</Text>
          </Center>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Policy</Table.Th>
                  <Table.Th scope="col">Layer</Table.Th>
                  <Table.Th scope="col">Effect</Table.Th>
                  <Table.Th scope="col">Kinds</Table.Th>
                  <Table.Th scope="col">In force</Table.Th>
                  <Table.Th scope="col">Draft</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => {
                  const v = current(p);
                  return (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/policies/${p.id}`} fw={500}>
                          {p.name}
                        </Anchor>
                        {v && !v.enabled && (
                          <Badge ml={6} size="xs" color="gray" radius="sm">
                            disabled
                          </Badge>
                        )}
                        {v?.citation && (
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {v.citation}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{v && <LayerBadge layer={v.layer} strength={v.strength} />}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{v ? EFFECT_LABEL[v.effect] : '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {v?.kinds.length ? v.kinds.map((k) => KIND_LABEL[k]).join(', ') : 'Every kind'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {p.in_force ? `v${p.in_force.version}` : '—'}
                          {p.in_force?.effective_from && (
                            <Text span size="xs" c="dimmed">
                              {' '}
                              since {fullDate(p.in_force.effective_from)}
                            </Text>
                          )}
                        </Text>
                        {p.scheduled && (
                          <Text size="xs" c="blue">
                            v{p.scheduled.version} from{' '}
                            {fullDate(p.scheduled.effective_from ?? p.scheduled.created_at)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {p.draft ? (
                          <Badge color={AMBER} variant="light" radius="sm">
                            v{p.draft.version} draft
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
