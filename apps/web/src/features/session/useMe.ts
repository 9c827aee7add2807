import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api.ts';
import type { CurrentUser } from '../../lib/types.ts';

/** The signed-in person, or null when nobody is (a 401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api<CurrentUser>('/sessions/current');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}
