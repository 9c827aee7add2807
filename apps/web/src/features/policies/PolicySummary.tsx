import { List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { factsIn, fieldsFor, toQuery } from './condition.ts';
import { describeQuery } from './describe.ts';
import { LayerBadge } from './LayerBadge.tsx';
import type { PolicyVersion } from './types.ts';
import { EFFECT_LABEL, KIND_LABEL, money } from './words.ts';

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Table.Tr>
    <Table.Th scope="row" w={180} style={{ verticalAlign: 'top' }}>
      {label}
    </Table.Th>
    <Table.Td>{children}</Table.Td>
  </Table.Tr>
);

/** A policy version in words, for colleagues who read the policies but do not change them. */
export function PolicySummary({ version: v }: { version: PolicyVersion }) {
  const condition = describeQuery(toQuery(v.condition).query, fieldsFor(factsIn(v.condition)));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="summary-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="summary-heading">
          Version {v.version} {v.enabled ? '' : '(disabled)'}
        </Title>
        <Table verticalSpacing={6} fz="sm">
          <Table.Tbody>
            <Row label="Layer">
              <LayerBadge layer={v.layer} strength={v.strength} />
            </Row>
            <Row label="Applies to">
              {v.kinds.length ? v.kinds.map((k) => KIND_LABEL[k]).join(', ') : 'Every kind of request'}
            </Row>
            <Row label="When">{condition === 'always' ? 'Always (no further condition)' : condition}</Row>
            <Row label="Effect">{EFFECT_LABEL[v.effect]}</Row>
            {v.authority && (
              <Row label="Authority">
                <List size="sm">
                  {v.authority.rungs.map((r) => (
                    <List.Item key={r.role}>
                      {r.role}: up to{' '}
                      {[
                        r.max_amount !== null ? money(r.max_amount, v.authority?.currency ?? null) : null,
                        r.max_days !== null ? `${r.max_days} days` : null,
                      ]
                        .filter(Boolean)
                        .join(' and ') || 'no limit'}
                    </List.Item>
                  ))}
                </List>
              </Row>
            )}
            <Row label="Rests on">{v.citation}</Row>
            <Row label="Tells the customer">{v.explanation}</Row>
            {v.alternatives.length > 0 && (
              <Row label="Offers instead">
                <List size="sm">
                  {v.alternatives.map((a) => (
                    <List.Item key={a}>{a}</List.Item>
                  ))}
                </List>
              </Row>
            )}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          Only an admin changes policies; decisions keep the versions they used.
        </Text>
      </Stack>
    </Paper>
  );
}
