import { Select, Stack, TagsInput } from '@mantine/core';
import { STATUS_LABEL } from '../../lib/format.ts';
import { notifyDone } from '../../lib/notify.ts';
import type { CaseDetail, CaseStatus } from '../../lib/types.ts';
import { useStaffList, useTeams, useUpdateCase } from './useCase.ts';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'].map((p) => ({
  value: p,
  label: p[0]!.toUpperCase() + p.slice(1),
}));

/** Status, priority, assignee, team and tags, each editable in place when the server says so. */
export function CaseFields({ c }: { c: CaseDetail }) {
  const update = useUpdateCase(c);
  const staff = useStaffList();
  const teams = useTeams();
  const change = (patch: Record<string, unknown>, what: string) =>
    update.mutate(patch, { onSuccess: () => notifyDone(what) });
  const statuses = [c.status, ...c.can.transitions].map((s) => ({
    value: s,
    label: STATUS_LABEL[s as CaseStatus],
  }));
  const editable = c.can.update;
  return (
    <Stack gap="sm">
      <Select
        label="Status"
        data={statuses}
        value={c.status}
        disabled={!editable || c.can.transitions.length === 0}
        allowDeselect={false}
        onChange={(v) =>
          v && v !== c.status && change({ status: v }, `Status set to ${STATUS_LABEL[v as CaseStatus]}`)
        }
      />
      <Select
        label="Priority"
        data={PRIORITIES}
        value={c.priority}
        disabled={!editable}
        allowDeselect={false}
        onChange={(v) => v && v !== c.priority && change({ priority: v }, `Priority set to ${v}`)}
      />
      <Select
        label="Assignee"
        placeholder="Unassigned"
        searchable
        clearable
        disabled={!c.can.assign}
        data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={c.assignee?.id ?? null}
        onChange={(v) => change({ assignee_id: v }, v ? 'Assigned' : 'Unassigned')}
      />
      <Select
        label="Team"
        placeholder="No team"
        clearable
        disabled={!c.can.assign}
        data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={c.team?.id ?? null}
        onChange={(v) => change({ team_id: v }, v ? 'Team changed' : 'Team removed')}
      />
      <TagsInput
        label="Tags"
        placeholder={editable ? 'Add a tag' : undefined}
        disabled={!editable}
        value={c.tags}
        onChange={(tags) => change({ tags }, 'Tags saved')}
        clearable
      />
    </Stack>
  );
}
