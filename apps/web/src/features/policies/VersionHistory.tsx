import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { fullDate } from '../../lib/format.ts';
import type { PolicyDetail } from './types.ts';
import { AMBER } from './words.ts';

/** Every version of the policy; decisions keep the versions they used, so none is ever rewritten. */
export function VersionHistory({ policy }: { policy: PolicyDetail }) {
  const versions = [...policy.versions].sort((a, b) => b.version - a.version);
  const tag = (id: string) =>
    id === policy.in_force?.id ? (
      <Badge size="sm" color="teal" radius="sm" style={{ minWidth: 'max-content' }}>
        in force
      </Badge>
    ) : id === policy.scheduled?.id ? (
      <Badge size="sm" color="blue" radius="sm" style={{ minWidth: 'max-content' }}>
        scheduled
      </Badge>
    ) : id === policy.draft?.id ? (
      <Badge size="sm" color={AMBER} variant="light" radius="sm" style={{ minWidth: 'max-content' }}>
        draft
      </Badge>
    ) : (
      <Badge size="sm" color="gray" variant="light" radius="sm" style={{ minWidth: 'max-content' }}>
        past
      </Badge>
    );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="versions-heading">
      <Stack gap="xs">
        <Title order={3} size="h5" id="versions-heading">
          Versions
        </Title>
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Version</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Effective from</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  v{v.version}
                  <Text size="xs" c="dimmed">
                    {v.strength}, {v.effect.replaceAll('_', ' ')}
                    {v.enabled ? '' : ', disabled'}
                  </Text>
                </Table.Td>
                <Table.Td>{tag(v.id)}</Table.Td>
                <Table.Td>
                  {v.effective_from ? fullDate(v.effective_from) : '—'}
                  <Text size="xs" c="dimmed">
                    {v.published_at
                      ? `published ${fullDate(v.published_at)}`
                      : `drafted ${fullDate(v.created_at)}`}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
