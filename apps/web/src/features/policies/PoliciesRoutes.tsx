import { Route, Routes } from 'react-router';
import type { CurrentUser } from '../../lib/types.ts';
import { PolicyListPage } from './PolicyListPage.tsx';
import { PolicyPage } from './PolicyPage.tsx';

type Staff = Extract<CurrentUser, { kind: 'staff' }>;

/** /policies/*: any colleague reads the policies; the server lets only admins change them. */
export function PoliciesRoutes({ me }: { me: Staff }) {
  const isAdmin = me.role === 'admin';
  return (
    <Routes>
      <Route index element={<PolicyListPage isAdmin={isAdmin} />} />
      <Route path=":id" element={<PolicyPage isAdmin={isAdmin} />} />
    </Routes>
  );
}
