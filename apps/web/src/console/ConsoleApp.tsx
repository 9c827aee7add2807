import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from '../features/session/useMe.ts';
import { ConsoleShell } from './ConsoleShell.tsx';
import { QueuePage } from './QueuePage.tsx';
import { SignInPage } from './SignInPage.tsx';

const CasePage = lazy(() => import('./CasePage.tsx').then((m) => ({ default: m.CasePage })));
const SearchPage = lazy(() => import('./SearchPage.tsx').then((m) => ({ default: m.SearchPage })));
const AdminRoutes = lazy(() =>
  import('../features/admin/AdminRoutes.tsx').then((m) => ({ default: m.AdminRoutes })),
);
const AuthorisationsPage = lazy(() =>
  import('../features/policies/AuthorisationsPage.tsx').then((m) => ({ default: m.AuthorisationsPage })),
);
const PoliciesRoutes = lazy(() =>
  import('../features/policies/PoliciesRoutes.tsx').then((m) => ({ default: m.PoliciesRoutes })),
);
const CustomerPage = lazy(() =>
  import('../features/customers/CustomerPage.tsx').then((m) => ({ default: m.CustomerPage })),
);

const loading = (
  <Center h="60vh">
    <Loader aria-label="Loading" />
  </Center>
);

export function ConsoleApp() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return loading;
  if (location.pathname === '/sign-in') return <SignInPage />;
  if (me.data?.kind !== 'staff')
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return (
    <ConsoleShell me={me.data}>
      <Suspense fallback={loading}>
        <Routes>
          <Route path="/" element={<Navigate to="/queues/mine" replace />} />
          <Route path="/queues/:queue" element={<QueuePage />} />
          <Route path="/queues/team/:teamId" element={<QueuePage />} />
          <Route path="/cases/:id" element={<CasePage me={me.data} />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/customers/:id" element={<CustomerPage />} />
          <Route path="/admin/*" element={<AdminRoutes me={me.data} />} />
          <Route path="/authorisations" element={<AuthorisationsPage />} />
          <Route path="/policies/*" element={<PoliciesRoutes me={me.data} />} />
          <Route path="*" element={<Navigate to="/queues/mine" replace />} />
        </Routes>
      </Suspense>
    </ConsoleShell>
  );
}
