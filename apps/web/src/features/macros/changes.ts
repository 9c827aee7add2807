import { STATUS_LABEL } from '../../lib/format.ts';
import type { CaseStatus } from '../../lib/types.ts';
import type { MacroChanges, ResolvedChanges } from './types.ts';

export type ChangeKey = 'status' | 'priority' | 'team' | 'assignee' | `add:${string}` | `remove:${string}`;
export type ChangeChip = { key: ChangeKey; label: string };

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Each pending change as a short phrase, one chip each. */
export function changeChips(c: ResolvedChanges): ChangeChip[] {
  const chips: ChangeChip[] = [];
  if (c.status) chips.push({ key: 'status', label: `Status: ${STATUS_LABEL[c.status as CaseStatus]}` });
  if (c.priority) chips.push({ key: 'priority', label: `Priority: ${cap(c.priority)}` });
  if (c.team !== undefined) chips.push({ key: 'team', label: c.team ? `Team: ${c.team.name}` : 'No team' });
  if (c.assignee !== undefined)
    chips.push({ key: 'assignee', label: c.assignee ? `Assign: ${c.assignee.name}` : 'Unassign' });
  for (const t of c.add_tags) chips.push({ key: `add:${t}`, label: `+ ${t}` });
  for (const t of c.remove_tags) chips.push({ key: `remove:${t}`, label: `− ${t}` });
  return chips;
}

/** The changes without one chip (the agent removed it). */
export function withoutChange(c: ResolvedChanges, key: ChangeKey): ResolvedChanges {
  if (key.startsWith('add:')) return { ...c, add_tags: c.add_tags.filter((t) => `add:${t}` !== key) };
  if (key.startsWith('remove:'))
    return { ...c, remove_tags: c.remove_tags.filter((t) => `remove:${t}` !== key) };
  const { [key as 'status']: _, ...rest } = c;
  return rest as ResolvedChanges;
}

/** Back to what the server applies: ids, null to clear, absent to leave alone. */
export function toChanges(c: ResolvedChanges): MacroChanges {
  return {
    ...(c.status ? { status: c.status } : {}),
    ...(c.priority ? { priority: c.priority } : {}),
    ...(c.team !== undefined ? { team_id: c.team?.id ?? null } : {}),
    ...(c.assignee !== undefined ? { assignee_id: c.assignee?.id ?? null } : {}),
    ...(c.add_tags.length ? { add_tags: c.add_tags } : {}),
    ...(c.remove_tags.length ? { remove_tags: c.remove_tags } : {}),
  };
}

export const hasChanges = (c: ResolvedChanges) => changeChips(c).length > 0;

/** One line for the admin table, from the stored changes. */
export function summarise(
  c: MacroChanges,
  names: { team: (id: string) => string; staff: (id: string) => string },
) {
  const parts: string[] = [];
  if (c.status) parts.push(`status ${STATUS_LABEL[c.status as CaseStatus].toLowerCase()}`);
  if (c.priority) parts.push(`priority ${c.priority}`);
  if (c.team_id !== undefined) parts.push(c.team_id ? `team ${names.team(c.team_id)}` : 'no team');
  if (c.assignee_id !== undefined)
    parts.push(
      c.assignee_id === 'me'
        ? 'assign to whoever applies it'
        : c.assignee_id
          ? `assign ${names.staff(c.assignee_id)}`
          : 'unassign',
    );
  if (c.add_tags?.length) parts.push(`+${c.add_tags.join(' +')}`);
  if (c.remove_tags?.length) parts.push(`−${c.remove_tags.join(' −')}`);
  return parts.join(' · ');
}
