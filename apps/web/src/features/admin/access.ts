import { createContext, useContext, useEffect } from 'react';
import { ApiError } from '../../lib/api.ts';

/**
 * Inside the admin area, a 403 from the server closes the area with a polite notice. The UI does
 * not guess who is an admin; it believes the server's answer. Outside the area this is null.
 */
export const AdminAccess = createContext<((err: ApiError) => void) | null>(null);

export const useAdminAccess = () => useContext(AdminAccess);

/** A read the server refused (403) closes the admin area the same way an action does. */
export function useDenyOnForbidden(error: unknown) {
  const deny = useAdminAccess();
  useEffect(() => {
    if (deny && error instanceof ApiError && error.status === 403) deny(error);
  }, [deny, error]);
}
