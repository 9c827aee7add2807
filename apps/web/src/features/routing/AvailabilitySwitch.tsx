import { SegmentedControl } from '@mantine/core';
import type { Availability } from '../../lib/types.ts';
import { useAvailability, useSetAvailability } from './useRouting.ts';

const OPTIONS: { value: Availability; label: string }[] = [
  { value: 'online', label: 'Online' },
  { value: 'away', label: 'Away' },
  { value: 'offline', label: 'Offline' },
];

/** The agent's own availability: only online agents receive new cases. */
export function AvailabilitySwitch() {
  const current = useAvailability();
  const set = useSetAvailability();
  const value = set.isPending ? set.variables : (current.data?.status ?? 'offline');
  return (
    <SegmentedControl
      size="xs"
      aria-label="Your availability for new cases"
      data={OPTIONS}
      value={value}
      color={value === 'online' ? 'teal.9' : value === 'away' ? 'yellow.4' : 'gray.7'}
      autoContrast
      // No sliding indicator: mid-slide, white label text sits on the light track (fails contrast).
      transitionDuration={0}
      onChange={(v) => set.mutate(v as Availability)}
      disabled={current.isPending}
    />
  );
}
