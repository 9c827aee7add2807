import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Staff, Team } from '../../lib/types.ts';
import { useAction } from './useAction.ts';

/** Every list the staff and team pages change; the case desk's pickers read ['staff'] and ['teams']. */
const REFRESH = [['admin-staff'], ['staff'], ['teams'], ['counts']];

export const ROLES = [
  { value: 'agent', label: 'Agent' },
  { value: 'supervisor', label: 'Supervisor' },
  { value: 'manager', label: 'Manager' },
  { value: 'admin', label: 'Admin' },
];

export const roleLabel = (role: string) => ROLES.find((r) => r.value === role)?.label ?? role;

export const useAllStaff = () =>
  useQuery({
    queryKey: ['admin-staff'],
    queryFn: () => api<{ items: Staff[] }>('/staff').then((r) => r.items),
  });

export const useAllTeams = () =>
  useQuery({ queryKey: ['teams'], queryFn: () => api<{ items: Team[] }>('/teams').then((r) => r.items) });

export type StaffInput = { name: string; email: string; role: string; team_ids: string[] };

export const useInviteStaff = (onDone: (s: Staff) => void) =>
  useAction({
    run: (body: unknown) => api<Staff>('/staff', { method: 'POST', body }),
    done: (s) => `Invitation sent to ${s.email}`,
    failed: 'The invitation was not sent',
    refresh: REFRESH,
    onDone,
  });

export const useUpdateStaff = (done: (s: Staff) => string, onDone?: (s: Staff) => void) =>
  useAction({
    run: ({ id, patch }: { id: string; patch: unknown }) =>
      api<Staff>(`/staff/${id}`, { method: 'PATCH', body: patch }),
    done,
    failed: 'The change was not saved',
    refresh: REFRESH,
    onDone,
  });

export const useSaveTeam = (onDone: (t: Team) => void) =>
  useAction({
    run: ({ id, body }: { id: string | null; body: unknown }) =>
      id
        ? api<Team>(`/teams/${id}`, { method: 'PATCH', body })
        : api<Team>('/teams', { method: 'POST', body }),
    done: (t, v) => (v.id ? `Team ${t.name} saved` : `Team ${t.name} created`),
    failed: 'The team was not saved',
    refresh: REFRESH,
    onDone,
  });

export const useDeleteTeam = (onDone: () => void) =>
  useAction({
    run: (t: Team) => api<void>(`/teams/${t.id}`, { method: 'DELETE' }),
    done: (_, t) => `Team ${t.name} deleted`,
    failed: 'The team was not deleted',
    refresh: REFRESH,
    onDone,
  });

export const useResendInvitation = () =>
  useAction({
    run: (s: Staff) => api<{ message: string }>(`/staff/${s.id}/invitation`, { method: 'POST' }),
    done: (r, s) => `${r.message} (${s.email})`,
    failed: 'The invitation was not sent',
  });
