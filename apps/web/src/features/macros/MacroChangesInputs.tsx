import { Select, SimpleGrid, TagsInput } from '@mantine/core';
import { STATUS_LABEL } from '../../lib/format.ts';
import { useStaffList, useTeams } from '../cases/useCase.ts';
import type { MacroChanges } from './types.ts';

const STATUSES = (['open', 'pending', 'on_hold', 'solved'] as const).map((s) => ({
  value: s,
  label: STATUS_LABEL[s],
}));
const PRIORITIES = ['low', 'normal', 'high', 'urgent'].map((p) => ({
  value: p,
  label: p[0]!.toUpperCase() + p.slice(1),
}));
const LEAVE = 'Leave as it is';
const NONE = 'none';

// A Select holds strings: null means "leave alone", "none" means "clear the field".
const toSelect = (v: string | null | undefined) => (v === undefined ? null : v === null ? NONE : v);
const fromSelect = (v: string | null) => (v === null ? undefined : v === NONE ? null : v);

type Props = { value: MacroChanges; onChange: (next: MacroChanges) => void; error?: string };

/** What a macro changes on the case besides the text; every field may be left alone. */
export function MacroChangesInputs({ value, onChange, error }: Props) {
  const staff = useStaffList();
  const teams = useTeams();
  const set = <K extends keyof MacroChanges>(key: K, v: MacroChanges[K] | undefined) => {
    const next = { ...value };
    if (v === undefined || (Array.isArray(v) && v.length === 0)) delete next[key];
    else next[key] = v;
    onChange(next);
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
      <Select
        label="Status"
        placeholder={LEAVE}
        clearable
        data={STATUSES}
        value={value.status ?? null}
        onChange={(v) => set('status', (v ?? undefined) as MacroChanges['status'])}
      />
      <Select
        label="Priority"
        placeholder={LEAVE}
        clearable
        data={PRIORITIES}
        value={value.priority ?? null}
        onChange={(v) => set('priority', (v ?? undefined) as MacroChanges['priority'])}
      />
      <Select
        label="Team"
        placeholder={LEAVE}
        clearable
        searchable
        data={[
          { value: NONE, label: 'No team' },
          ...(teams.data ?? []).map((t) => ({ value: t.id, label: t.name })),
        ]}
        value={toSelect(value.team_id)}
        onChange={(v) => set('team_id', fromSelect(v))}
      />
      <Select
        label="Assignee"
        placeholder={LEAVE}
        clearable
        searchable
        data={[
          { value: 'me', label: 'Whoever applies it' },
          { value: NONE, label: 'Unassigned' },
          ...(staff.data ?? []).map((s) => ({ value: s.id, label: s.name })),
        ]}
        value={toSelect(value.assignee_id)}
        onChange={(v) => set('assignee_id', fromSelect(v))}
      />
      <TagsInput
        label="Add tags"
        placeholder="Type a tag, then Enter"
        value={value.add_tags ?? []}
        onChange={(v) => set('add_tags', v)}
        error={error}
      />
      <TagsInput
        label="Remove tags"
        placeholder="Type a tag, then Enter"
        value={value.remove_tags ?? []}
        onChange={(v) => set('remove_tags', v)}
      />
    </SimpleGrid>
  );
}
