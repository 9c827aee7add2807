import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { notifyError } from '../../lib/notify.ts';
import type { AssignmentMode, Availability, RoutingOverview } from '../../lib/types.ts';
import type { ShiftSchedule, SkillRule } from './schedule.format.ts';

export function useAvailability() {
  return useQuery({
    queryKey: ['availability'],
    queryFn: ({ signal }) => api<{ status: Availability }>('/staff/me/availability', { signal }),
  });
}

export function useSetAvailability() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (status: Availability) =>
      api<{ status: Availability }>('/staff/me/availability', { method: 'PUT', body: { status } }),
    onSuccess: (data) => qc.setQueryData(['availability'], data),
    onError: (err) => notifyError(err),
  });
}

export function useRoutingOverview() {
  return useQuery({
    queryKey: ['routing'],
    queryFn: ({ signal }) => api<RoutingOverview>('/routing', { signal }),
  });
}

export function useSetTeamRouting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      teamId,
      ...body
    }: {
      teamId: string;
      mode: AssignmentMode;
      default_capacity?: number;
      skill_rules?: SkillRule[];
    }) => api(`/teams/${teamId}/routing`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['routing'] }),
    onError: (err) => notifyError(err),
  });
}

export function useSetAgentRouting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      staffId,
      ...body
    }: {
      staffId: string;
      capacity?: number | null;
      skills?: string[];
      schedule?: ShiftSchedule | null;
    }) => api(`/staff/${staffId}/routing`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['routing'] }),
    onError: (err) => notifyError(err),
  });
}
