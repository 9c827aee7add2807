import { Badge, Group } from '@mantine/core';
import type { PolicyLayer, PolicyStrength } from './types.ts';
import { AMBER, LAYER_COLOR, LAYER_LABEL } from './words.ts';

// In a narrow table cell a badge would otherwise be cut to "ORGANIS…".
const keep = { minWidth: 'max-content' } as const;

/** The layer of a rule and whether it can be bent. */
export const LayerBadge = ({ layer, strength }: { layer: PolicyLayer; strength?: PolicyStrength }) => (
  <Group gap={4}>
    <Badge color={LAYER_COLOR[layer]} variant="light" radius="sm" size="sm" style={keep}>
      {LAYER_LABEL[layer]}
    </Badge>
    {strength && (
      <Badge
        color={strength === 'hard' ? 'dark' : AMBER}
        variant="outline"
        radius="sm"
        size="sm"
        style={keep}
      >
        {strength}
      </Badge>
    )}
  </Group>
);
