import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import { notifyDone, notifyError } from '../../lib/notify.ts';
import type { Macro, MacroChanges, MacroKind, Placeholder, RenderedMacro } from './types.ts';

/** Shared macros and my own; the admin list asks for switched-off ones too. */
export const useMacros = (opts: { includeInactive?: boolean; enabled?: boolean } = {}) =>
  useQuery({
    queryKey: ['macros', opts.includeInactive ?? false],
    queryFn: ({ signal }) =>
      api<{ items: Macro[] }>(
        `/macros${qs({ include_inactive: opts.includeInactive ? 'true' : undefined })}`,
        {
          signal,
        },
      ).then((r) => r.items),
    enabled: opts.enabled ?? true,
    staleTime: 60_000,
  });

export const usePlaceholders = () =>
  useQuery({
    queryKey: ['macro-placeholders'],
    queryFn: () => api<{ items: Placeholder[] }>('/macros/placeholders').then((r) => r.items),
    staleTime: Number.POSITIVE_INFINITY,
  });

export type MacroDraft = { body: string; kind: MacroKind; changes: MacroChanges };

/** The draft rendered against a sample case, a moment after typing stops. */
export function useMacroPreview(draft: MacroDraft) {
  const [debounced] = useDebouncedValue(draft, 300);
  return useQuery({
    queryKey: ['macro-preview', debounced],
    queryFn: ({ signal }) =>
      api<RenderedMacro>('/macros/preview', { method: 'POST', body: debounced, signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

type Save = { id: string | null; body: Record<string, unknown> };

export function useSaveMacro(onDone: (m: Macro) => void, onFailed?: (err: unknown) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: Save) =>
      api<Macro>(id ? `/macros/${id}` : '/macros', { method: id ? 'PATCH' : 'POST', body }),
    onSuccess: (m, vars) => {
      void qc.invalidateQueries({ queryKey: ['macros'] });
      notifyDone(vars.id ? `Macro “${m.name}” saved` : `Macro “${m.name}” created`);
      onDone(m);
    },
    onError: (err) => {
      notifyError(err, 'The macro was not saved');
      onFailed?.(err);
    },
  });
}

export function useDeleteMacro(onDone: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: Macro) => api(`/macros/${m.id}`, { method: 'DELETE' }),
    onSuccess: (_r, m) => {
      void qc.invalidateQueries({ queryKey: ['macros'] });
      notifyDone(`Macro “${m.name}” deleted`);
      onDone();
    },
    onError: (err) => notifyError(err, 'The macro was not deleted'),
  });
}

export const renderMacro = (caseId: string, macroId: string) =>
  api<RenderedMacro>(`/cases/${caseId}/macros/${macroId}/render`, { method: 'POST' });
