import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { toQuery } from '../../policies/condition.ts';
import { describeQuery } from '../../policies/describe.ts';
import { slaFields } from './slaFields.ts';
import type { SlaPolicy } from './types.ts';

type Named = { id: string; name: string };

/** "Applies when priority is urgent", in words, or the JSONLogic when the words cannot say it. */
export function PolicyConditionText({
  policy,
  teams,
  organisations,
}: {
  policy: SlaPolicy;
  teams: Named[];
  organisations: Named[];
}) {
  const text = useMemo(() => {
    const { query, exact } = toQuery(policy.conditions);
    if (!exact) return JSON.stringify(policy.conditions);
    const words = describeQuery(query, slaFields(teams, organisations));
    return words === 'always' ? 'every case' : words;
  }, [policy.conditions, teams, organisations]);
  return (
    <Text size="xs" c="dimmed">
      Applies to {text}
    </Text>
  );
}
