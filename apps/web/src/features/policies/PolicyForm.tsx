import {
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { AuthorityLadder } from './AuthorityLadder.tsx';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import { ListInput } from './ListInput.tsx';
import { canRefuse, DEFAULT_LADDER, needsLadder, type PolicyValues } from './policyForm.ts';
import type { PolicyEffect, PolicyLayer, PolicyStrength, RequestKind } from './types.ts';
import { EFFECT_LABEL, EFFECTS, KIND_LABEL, KINDS, LAYER_LABEL, LAYERS } from './words.ts';

type Props = {
  values: PolicyValues;
  set: <K extends keyof PolicyValues>(key: K, value: PolicyValues[K]) => void;
  errors: Record<string, string>;
  onCondition: (condition: unknown, incomplete: number) => void;
  /** Changes with each loaded version, so the condition builder starts again from it. */
  conditionKey: string;
  disabled?: boolean;
};

/** Every field of a policy version, as the contract has them. */
export function PolicyForm({ values: v, set, errors, onCondition, conditionKey, disabled }: Props) {
  const hardOnly = v.layer !== 'organisational';
  const setLayer = (layer: PolicyLayer) => {
    set('layer', layer);
    // Law, professional and moral rules are always hard; organisational ones default to flexible.
    set('strength', layer === 'organisational' ? 'flexible' : 'hard');
  };
  const setEffect = (effect: PolicyEffect) => {
    set('effect', effect);
    if (needsLadder({ effect, strength: v.strength }) && !v.ladder && effect === 'allow_with_authority')
      set('ladder', DEFAULT_LADDER);
  };
  return (
    <Stack gap="md">
      <TextInput
        label="Name"
        required
        disabled={disabled}
        value={v.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
      />
      <Group grow align="flex-start">
        <NativeSelect
          label="Layer"
          disabled={disabled}
          data={LAYERS.map((l) => ({ value: l, label: LAYER_LABEL[l] }))}
          value={v.layer}
          onChange={(e) => setLayer(e.currentTarget.value as PolicyLayer)}
          error={errors.layer}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="strength-label">
            Strength
          </Text>
          <SegmentedControl
            aria-labelledby="strength-label"
            disabled={disabled || hardOnly}
            data={[
              { value: 'hard', label: 'Hard' },
              { value: 'flexible', label: 'Flexible' },
            ]}
            value={hardOnly ? 'hard' : v.strength}
            onChange={(s) => set('strength', s as PolicyStrength)}
          />
          <Text size="xs" c="dimmed">
            {hardOnly
              ? `A ${v.layer} rule is always hard: nobody can bend it.`
              : 'Flexible: may be bent with the proper authorisation.'}
          </Text>
        </Stack>
      </Group>
      <Group grow align="flex-start">
        <MultiSelect
          label="Request kinds"
          description="Empty applies to every kind"
          disabled={disabled}
          data={KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
          value={v.kinds}
          onChange={(k) => set('kinds', k as RequestKind[])}
          clearable
          error={errors.kinds}
        />
        <NativeSelect
          label="Effect when it applies"
          disabled={disabled}
          data={EFFECTS.map((e) => ({
            value: e,
            label: EFFECT_LABEL[e],
            disabled: e === 'entitle' && v.layer === 'organisational',
          }))}
          value={v.effect}
          onChange={(e) => setEffect(e.currentTarget.value as PolicyEffect)}
          error={errors.effect}
        />
      </Group>
      <Fieldset legend="Condition" disabled={disabled}>
        <ConditionBuilder key={conditionKey} value={v.condition} onChange={onCondition} disabled={disabled} />
        {errors.condition && (
          <Text size="xs" c="red" role="alert" mt="xs">
            {errors.condition}
          </Text>
        )}
      </Fieldset>
      {needsLadder(v) && (
        <>
          {v.effect === 'forbid' && (
            <Switch
              label="A role may make an exception (authority ladder)"
              disabled={disabled}
              checked={!!v.ladder}
              onChange={(e) => set('ladder', e.currentTarget.checked ? DEFAULT_LADDER : null)}
            />
          )}
          {v.ladder && (
            <AuthorityLadder
              value={v.ladder}
              onChange={(l) => set('ladder', l)}
              disabled={disabled}
              error={errors.authority}
            />
          )}
        </>
      )}
      <TextInput
        label="Citation"
        description="The statute, code or policy section it rests on"
        required
        disabled={disabled}
        value={v.citation}
        onChange={(e) => set('citation', e.currentTarget.value)}
        error={errors.citation}
      />
      <Textarea
        label="Explanation for the customer"
        description="Plain words. {{request.facts.days_since_delivery}} and {{request.amount_text}} are filled in."
        required
        disabled={disabled}
        autosize
        minRows={2}
        maxRows={8}
        value={v.explanation}
        onChange={(e) => set('explanation', e.currentTarget.value)}
        error={errors.explanation}
      />
      <ListInput
        legend={
          canRefuse(v.effect)
            ? 'Alternatives to offer when it refuses (at least one)'
            : 'Alternatives to offer'
        }
        item="alternative"
        values={v.alternatives}
        onChange={(a) => set('alternatives', a)}
        error={errors.alternatives}
        disabled={disabled}
      />
      <Switch
        label="Enabled"
        description="A disabled policy is kept but not considered"
        disabled={disabled}
        checked={v.enabled}
        onChange={(e) => set('enabled', e.currentTarget.checked)}
      />
    </Stack>
  );
}
