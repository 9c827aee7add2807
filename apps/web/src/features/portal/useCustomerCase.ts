import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { notifyDone, notifyError } from '../../lib/notify.ts';
import type { CaseDetail } from '../../lib/types.ts';

/** A case of the customer's own; the server leaves out internal notes and staff-only history. */
export const useCustomerCase = (id: string) =>
  useQuery({
    queryKey: ['case', id],
    queryFn: ({ signal }) => api<CaseDetail>(`/cases/${id}`, { signal }),
    refetchOnWindowFocus: 'always',
  });

/** "This is solved": the one status change a customer may make. */
export function useMarkSolved(c: CaseDetail) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<CaseDetail>(`/cases/${c.id}`, { method: 'PATCH', body: { status: 'solved' } }),
    onSuccess: (data) => {
      qc.setQueryData(['case', c.id], data);
      void qc.invalidateQueries({ queryKey: ['cases'] });
      notifyDone('Thank you: the case is marked as solved. Write again here if you still need help.');
    },
    onError: (err) => {
      notifyError(err, 'The case was not marked as solved');
      void qc.invalidateQueries({ queryKey: ['case', c.id] });
    },
  });
}
