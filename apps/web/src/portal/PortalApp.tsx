import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from '../features/session/useMe.ts';
import { CasePage } from './CasePage.tsx';
import { CasesPage } from './CasesPage.tsx';
import { Loading } from './Loading.tsx';
import { NewCasePage } from './NewCasePage.tsx';
import { PortalShell } from './PortalShell.tsx';
import { SignInPage } from './SignInPage.tsx';

/** Customers only: a staff session is not a portal user, so it sees the sign-in too. */
export function PortalApp() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading label="Loading the portal" fullPage />;
  const customer = me.data?.kind === 'customer' ? me.data : null;
  if (location.pathname === '/sign-in') return <SignInPage me={me.data ?? null} />;
  if (!customer)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return (
    <PortalShell me={customer}>
      <Routes>
        <Route path="/" element={<CasesPage />} />
        <Route path="/new" element={<NewCasePage />} />
        <Route path="/cases/:id" element={<CasePage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </PortalShell>
  );
}
