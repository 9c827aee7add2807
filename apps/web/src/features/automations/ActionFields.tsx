import { Group, MultiSelect, NativeSelect, Select, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { ActionDraft, NotifyTarget } from './types.ts';
import { NOTIFY_LABEL, PRIORITIES, STATUSES } from './words.ts';

type Named = { id: string; name: string };
export type Choices = { teams: Named[]; staff: Named[]; macros: Named[] };

type Props = {
  action: ActionDraft;
  n: number;
  choices: Choices;
  onChange: (a: ActionDraft) => void;
};

const LEAVE = '';
const NONE = '__none';
/** Assign's three states per field: leave it (absent), clear it (null), or set it (an id). */
const toChoice = (v: unknown) => (v === undefined ? LEAVE : v === null ? NONE : String(v));
const fromChoice = (v: string | null) => (v === LEAVE || v === null ? undefined : v === NONE ? null : v);

const named = (items: Named[]) => items.map((i) => ({ value: i.id, label: i.name }));

/** The fields of one action, by its type. */
export function ActionFields({ action: a, n, choices, onChange }: Props) {
  const set = (patch: Record<string, unknown>) => {
    const next = { ...a, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
    onChange(next);
  };
  const label = (what: string) => `${what} (action ${n})`;
  switch (a.type) {
    case 'set_status':
      return (
        <NativeSelect
          aria-label={label('Status')}
          data={STATUSES.map((s) => ({ value: s, label: s.replace('_', ' ') }))}
          value={String(a.status ?? 'open')}
          onChange={(e) => set({ status: e.currentTarget.value })}
        />
      );
    case 'set_priority':
      return (
        <NativeSelect
          aria-label={label('Priority')}
          data={[...PRIORITIES]}
          value={String(a.priority ?? 'normal')}
          onChange={(e) => set({ priority: e.currentTarget.value })}
        />
      );
    case 'assign':
      return (
        <Group grow gap="xs">
          <NativeSelect
            aria-label={label('Team')}
            data={[
              { value: LEAVE, label: 'Team: leave as is' },
              { value: NONE, label: 'No team' },
              ...named(choices.teams),
            ]}
            value={toChoice(a.team_id)}
            onChange={(e) => set({ team_id: fromChoice(e.currentTarget.value) })}
          />
          <NativeSelect
            aria-label={label('Assignee')}
            data={[
              { value: LEAVE, label: 'Assignee: leave as is' },
              { value: NONE, label: 'Nobody (unassign)' },
              ...named(choices.staff),
            ]}
            value={toChoice(a.assignee_id)}
            onChange={(e) => set({ assignee_id: fromChoice(e.currentTarget.value) })}
          />
        </Group>
      );
    case 'add_tags':
    case 'remove_tags':
      return (
        <TagsInput
          aria-label={label('Tags')}
          placeholder="Type a tag and press Enter"
          value={(a.tags as string[] | undefined) ?? []}
          onChange={(tags) => set({ tags: tags.map((t) => t.trim().toLowerCase()) })}
        />
      );
    case 'send_macro':
      return (
        <Select
          aria-label={label('Macro')}
          placeholder={choices.macros.length ? 'Pick a shared macro' : 'No shared macros yet'}
          data={named(choices.macros)}
          value={(a.macro_id as string | undefined) ?? null}
          onChange={(v) => set({ macro_id: v ?? undefined })}
          searchable
        />
      );
    case 'notify':
      return <NotifyFields a={a} label={label} choices={choices} set={set} />;
  }
}

function NotifyFields({
  a,
  label,
  choices,
  set,
}: {
  a: ActionDraft;
  label: (w: string) => string;
  choices: Choices;
  set: (p: Record<string, unknown>) => void;
}) {
  const to = (a.to as NotifyTarget | undefined) ?? 'assignee';
  return (
    <>
      <Group grow gap="xs" align="flex-start">
        <NativeSelect
          aria-label={label('Who to notify')}
          data={Object.entries(NOTIFY_LABEL).map(([value, l]) => ({ value, label: l }))}
          value={to}
          onChange={(e) => {
            const next = e.currentTarget.value;
            set({ to: next, staff_ids: next === 'staff' ? (a.staff_ids ?? []) : undefined });
          }}
        />
        {to === 'staff' && (
          <MultiSelect
            aria-label={label('Staff to notify')}
            placeholder="Pick people"
            data={named(choices.staff)}
            value={(a.staff_ids as string[] | undefined) ?? []}
            onChange={(ids) => set({ staff_ids: ids })}
            searchable
          />
        )}
      </Group>
      <TextInput
        aria-label={label('Notification title')}
        placeholder="Title, e.g. A refund case needs you"
        value={String(a.title ?? '')}
        onChange={(e) => set({ title: e.currentTarget.value })}
      />
      <Textarea
        aria-label={label('Notification text')}
        placeholder="More detail (optional)"
        autosize
        minRows={1}
        value={String(a.body ?? '')}
        onChange={(e) => set({ body: e.currentTarget.value || undefined })}
      />
    </>
  );
}
