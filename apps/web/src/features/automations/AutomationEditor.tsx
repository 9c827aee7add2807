import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useAllStaff, useAllTeams } from '../admin/useStaffAdmin.ts';
import { explain } from '../admin/words.ts';
import { useMacros } from '../macros/useMacros.ts';
import { ConditionBuilder } from '../policies/ConditionBuilder.tsx';
import { ActionListEditor } from './ActionListEditor.tsx';
import { DryRunTable } from './DryRunTable.tsx';
import { CONDITION_SUBJECT, caseFields } from './fields.ts';
import type { ActionDraft, AutomationRule, AutomationTrigger, RuleDraft } from './types.ts';
import { useDryRun, useSaveAutomation } from './useAutomations.ts';
import { hoursInWords, STATUSES, TRIGGER_LABEL, TRIGGERS } from './words.ts';

const draftOf = (r: AutomationRule | null): RuleDraft =>
  r
    ? {
        name: r.name,
        trigger: r.trigger,
        schedule: r.schedule,
        conditions: r.conditions,
        actions: r.actions as ActionDraft[],
        active: r.active,
      }
    : { name: '', trigger: 'case_created', schedule: null, conditions: true, actions: [], active: true };

type Props = { rule: AutomationRule | null; onClose: () => void };

/** One rule: its trigger, condition and actions, with a dry run against recent cases before saving. */
export function AutomationEditor({ rule, onClose }: Props) {
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(rule));
  const [incomplete, setIncomplete] = useState(0);
  const teams = useAllTeams();
  const staff = useAllStaff();
  const macros = useMacros();
  const save = useSaveAutomation(onClose);
  const dry = useDryRun();
  const set = <K extends keyof RuleDraft>(k: K, v: RuleDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const choices = useMemo(
    () => ({
      teams: teams.data ?? [],
      staff: (staff.data ?? []).filter((s) => s.active),
      macros: (macros.data ?? []).filter((m) => m.scope === 'shared' && m.active),
    }),
    [teams.data, staff.data, macros.data],
  );
  const fields = useMemo(
    () => caseFields(draft.trigger, choices.teams, choices.staff),
    [draft.trigger, choices.teams, choices.staff],
  );
  const setTrigger = (trigger: AutomationTrigger) =>
    setDraft((d) => ({
      ...d,
      trigger,
      schedule: trigger === 'schedule' ? (d.schedule ?? { status: 'pending', after_hours: 120 }) : null,
    }));
  const ready = draft.name.trim() !== '' && draft.actions.length > 0 && incomplete === 0;
  const body = { ...draft, name: draft.name.trim() };
  return (
    <Stack gap="md">
      <Title order={3}>{rule ? `Edit “${rule.name}”` : 'New automation rule'}</Title>
      <Group grow align="flex-start">
        <TextInput
          label="Name"
          required
          value={draft.name}
          onChange={(e) => set('name', e.currentTarget.value)}
        />
        <NativeSelect
          label="When"
          data={TRIGGERS.map((t) => ({ value: t, label: TRIGGER_LABEL[t] }))}
          value={draft.trigger}
          onChange={(e) => setTrigger(e.currentTarget.value as AutomationTrigger)}
        />
      </Group>
      {draft.schedule && (
        <Group align="flex-end">
          <NativeSelect
            label="The case has been in the status"
            data={STATUSES.filter((s) => s !== 'closed').map((s) => ({
              value: s,
              label: s.replace('_', ' '),
            }))}
            value={draft.schedule.status}
            onChange={(e) =>
              set('schedule', {
                ...draft.schedule!,
                status: e.currentTarget.value as (typeof STATUSES)[number],
              })
            }
          />
          <NumberInput
            label="For at least (hours)"
            min={1}
            max={24 * 365}
            value={draft.schedule.after_hours}
            onChange={(v) => set('schedule', { ...draft.schedule!, after_hours: Number(v) || 1 })}
            w={180}
          />
          <Text size="sm" c="dimmed" pb={8}>
            = {hoursInWords(draft.schedule.after_hours)}, counted from when it entered the status; once per
            time it does.
          </Text>
        </Group>
      )}
      <Fieldset legend="Only for cases where">
        <ConditionBuilder
          key={`${rule?.id ?? 'new'}-${draft.trigger}-${fields.length}`}
          value={draft.conditions}
          onChange={(c, n) => {
            set('conditions', c);
            setIncomplete(n);
          }}
          fields={fields}
          subject={CONDITION_SUBJECT}
        />
      </Fieldset>
      <Fieldset legend="Do, in this order">
        <ActionListEditor actions={draft.actions} onChange={(a) => set('actions', a)} choices={choices} />
      </Fieldset>
      <Switch
        label="Active"
        checked={draft.active}
        onChange={(e) => set('active', e.currentTarget.checked)}
      />
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconPlayerPlay size={16} />}
          onClick={() => dry.mutate(body)}
          loading={dry.isPending}
          disabled={!ready}
        >
          Dry run on recent cases
        </Button>
        <Group>
          <Button variant="subtle" color="gray" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={() => save.mutate({ id: rule?.id ?? null, body })}
            loading={save.isPending}
            disabled={!ready}
          >
            {rule ? 'Save rule' : 'Create rule'}
          </Button>
        </Group>
      </Group>
      {(dry.data || dry.error) && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={4}>Dry run</Title>
            {dry.error ? (
              <Text c="red.9" size="sm" role="alert">
                {explain(dry.error)}
              </Text>
            ) : (
              dry.data && <DryRunTable result={dry.data} />
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
