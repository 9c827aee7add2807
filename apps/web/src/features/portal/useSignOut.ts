import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../lib/api.ts';
import { notifyDone, notifyError } from '../../lib/notify.ts';

export function useSignOut() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api('/sessions/current', { method: 'DELETE' }),
    onSuccess: () => {
      qc.clear();
      qc.setQueryData(['me'], null);
      navigate('/sign-in', { replace: true });
      notifyDone('You are signed out');
    },
    onError: (err) => notifyError(err, 'You are still signed in'),
  });
}
