import { DataList, Title } from '@mantine/core';
import { useId } from 'react';
import { fullDate } from '../../lib/format.ts';
import type { OutgoingEmailDetail } from './useEmailAdmin.ts';

/** The headers that matter for delivery and threading, as they were written. */
export function MailHeaders({ mail: m }: { mail: OutgoingEmailDetail }) {
  const rows: [string, string | null, boolean?][] = [
    ['From', m.from_address],
    ['To', m.to_address],
    ['Reply-To', m.reply_to],
    ['Subject', m.subject],
    ['Message-ID', m.message_id_header, true],
    ['In-Reply-To', m.in_reply_to, true],
    ['References', m.references_header, true],
    ['Created', fullDate(m.created_at)],
    ['Sent', m.sent_at ? fullDate(m.sent_at) : null],
  ];
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Title order={4} size="h5" mb="xs" id={id}>
        Headers
      </Title>
      <DataList gap={6} labelWidth="110px" withDivider>
        {rows.map(([label, value, mono]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue
              ff={mono && value ? 'monospace' : undefined}
              c={value ? undefined : 'dimmed'}
              style={{ overflowWrap: 'anywhere' }}
            >
              {value || '—'}
            </DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </section>
  );
}
