import { Badge } from '@mantine/core';
import type { DecisionOutcome } from './types.ts';
import { OUTCOME_COLOR, OUTCOME_LABEL } from './words.ts';

export const OutcomeBadge = ({ outcome }: { outcome: DecisionOutcome }) => (
  <Badge color={OUTCOME_COLOR[outcome]} variant="light" radius="sm" style={{ minWidth: 'max-content' }}>
    {OUTCOME_LABEL[outcome]}
  </Badge>
);
