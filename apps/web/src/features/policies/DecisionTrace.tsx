import { Table, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconMinus, IconStarFilled } from '@tabler/icons-react';
import { LayerBadge } from './LayerBadge.tsx';
import type { TraceEntry } from './types.ts';
import { EFFECT_LABEL, TRACE_WORDS } from './words.ts';

/** Every policy the engine considered, whether it applied, and why; the decisive ones marked. */
export function DecisionTrace({ trace }: { trace: TraceEntry[] }) {
  // The policies the outcome rests on first, then those that applied, then the rest.
  const rank = (t: TraceEntry) => (t.decisive ? 0 : t.applies ? 1 : 2);
  const rows = [...trace].sort((a, b) => rank(a) - rank(b));
  if (trace.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No policy was considered; the workspace default decided.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} fz="sm" striped>
        <Table.Caption>Policies considered (★ the outcome rests on it)</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Policy</Table.Th>
            <Table.Th scope="col" miw={150}>
              Layer
            </Table.Th>
            <Table.Th scope="col">Effect</Table.Th>
            <Table.Th scope="col">Applied</Table.Th>
            <Table.Th scope="col">Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((t) => (
            <Table.Tr key={t.version_id} fw={t.decisive ? 600 : undefined}>
              <Table.Td>
                {t.decisive && (
                  <>
                    <IconStarFilled
                      size={12}
                      color="var(--mantine-color-yellow-6)"
                      aria-hidden
                      style={{ marginRight: 4 }}
                    />
                    <VisuallyHidden>Decisive: </VisuallyHidden>
                  </>
                )}
                {t.name}{' '}
                <Text span size="xs" c="dimmed">
                  v{t.version}
                </Text>
              </Table.Td>
              <Table.Td>
                <LayerBadge layer={t.layer} strength={t.strength} />
              </Table.Td>
              <Table.Td>{EFFECT_LABEL[t.effect]}</Table.Td>
              <Table.Td>
                <ThemeIcon size="sm" variant="light" color={t.applies ? 'teal' : 'gray'} aria-hidden>
                  {t.applies ? <IconCheck size={14} /> : <IconMinus size={14} />}
                </ThemeIcon>
                <VisuallyHidden>{t.applies ? 'Applies' : 'Does not apply'}</VisuallyHidden>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{TRACE_WORDS[t.result]}</Text>
                {t.note && (
                  <Text size="xs" c="dimmed">
                    {t.note}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
