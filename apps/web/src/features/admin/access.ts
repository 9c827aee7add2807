import { createContext, useContext } from 'react';
import type { ApiError } from '../../lib/api.ts';

/**
 * Inside the admin area, a 403 from the server closes the area with a polite notice. The UI does
 * not guess who is an admin; it believes the server's answer. Outside the area this is null.
 */
export const AdminAccess = createContext<((err: ApiError) => void) | null>(null);

export const useAdminAccess = () => useContext(AdminAccess);
