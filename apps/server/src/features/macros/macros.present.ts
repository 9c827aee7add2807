import type { Macro, MacroChanges } from '@fairdesk/contract';
import { roleAtLeast, type StaffActor } from '../../infra/actor.ts';
import { isoTime, isoTimeOrNull } from '../../infra/iso-time.ts';
import type { MacroRow } from './macros.queries.ts';

/** Shared macros are the supervisors' to change; a personal one only its owner's. */
export const canEditMacro = (m: { owner_staff_id: string | null }, actor: StaffActor) =>
  m.owner_staff_id === null ? roleAtLeast(actor.role, 'supervisor') : m.owner_staff_id === actor.staffId;

export const presentMacro = (m: MacroRow, actor: StaffActor): Macro => ({
  id: m.id,
  name: m.name,
  body: m.body,
  kind: m.kind,
  changes: (m.changes ?? {}) as MacroChanges,
  scope: m.owner_staff_id === null ? 'shared' : 'personal',
  owner: m.owner_staff_id && m.owner_name ? { id: m.owner_staff_id, name: m.owner_name } : null,
  active: m.active,
  usage_count: m.usage_count,
  last_used_at: isoTimeOrNull(m.last_used_at),
  created_at: isoTime(m.created_at),
  updated_at: isoTime(m.updated_at),
  can: { edit: canEditMacro(m, actor) },
});
