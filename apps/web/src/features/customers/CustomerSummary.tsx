import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Customer } from '../../lib/types.ts';

/** A customer in a few lines, for choosing and confirming (merge). */
export function CustomerSummary({ customer, heading }: { customer: Customer; heading: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm" style={{ flex: 1 }}>
      <Stack gap={2}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {heading}
        </Text>
        <Text fw={600}>{customer.name}</Text>
        {customer.emails.map((e) => (
          <Text key={e} size="sm">
            {e}
          </Text>
        ))}
        <Text size="sm" c="dimmed">
          {[customer.phone, customer.organisation?.name, `language ${customer.language}`]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}
