import { Group } from '@mantine/core';
import type { SlaItem } from '../../lib/types.ts';
import { SlaBadge } from './SlaBadge.tsx';

/** A case's targets for its header: the running ones first, met ones last. */
export function SlaBadges({ sla }: { sla: SlaItem[] }) {
  if (sla.length === 0) return null;
  const order = (s: SlaItem) => (s.state === 'met' ? 2 : s.state === 'paused' ? 1 : 0);
  const sorted = [...sla].sort((a, b) => order(a) - order(b));
  return (
    <Group gap={6} aria-label="Service levels">
      {sorted.map((s) => (
        <SlaBadge key={s.target} sla={s} withTarget />
      ))}
    </Group>
  );
}
