import { Anchor, DataList, Paper, Stack, Text, Title } from '@mantine/core';
import { fullDate } from '../../lib/format.ts';
import type { Customer } from '../../lib/types.ts';

const languageName = (code: string) => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** The customer's contact details, as staff need them at a glance. */
export function CustomerDetails({ customer: c }: { customer: Customer }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={3} size="h4" mb="sm">
        Details
      </Title>
      <DataList orientation="vertical" gap="sm" withDivider>
        <DataList.Item>
          <DataList.ItemLabel>Email</DataList.ItemLabel>
          <DataList.ItemValue>
            <Stack gap={2}>
              {c.emails.map((e) => (
                <Text key={e} size="sm">
                  <Anchor href={`mailto:${e}`} inherit>
                    {e}
                  </Anchor>
                  {e === c.email && c.emails.length > 1 && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · primary
                    </Text>
                  )}
                </Text>
              ))}
            </Stack>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Phone</DataList.ItemLabel>
          <DataList.ItemValue>
            {c.phone ? (
              <Anchor href={`tel:${c.phone}`} size="sm">
                {c.phone}
              </Anchor>
            ) : (
              '—'
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Organisation</DataList.ItemLabel>
          <DataList.ItemValue>{c.organisation?.name ?? '—'}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Language</DataList.ItemLabel>
          <DataList.ItemValue>
            {languageName(c.language)} ({c.language})
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Notes</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={c.notes ? undefined : 'dimmed'}>
              {c.notes || 'No notes'}
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Added</DataList.ItemLabel>
          <DataList.ItemValue>{fullDate(c.created_at)}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Paper>
  );
}
