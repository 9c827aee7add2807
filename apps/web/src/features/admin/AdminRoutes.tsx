import { Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { ApiError } from '../../lib/api.ts';
import type { CurrentUser } from '../../lib/types.ts';
import { AutomationsAdminPage } from '../automations/AutomationsAdminPage.tsx';
import { EmailAdminPage } from '../email/EmailAdminPage.tsx';
import { MacrosAdminPage } from '../macros/MacrosAdminPage.tsx';
import { RoutingAdminPage } from '../routing/RoutingAdminPage.tsx';
import { SlaAdminPage } from '../sla/admin/SlaAdminPage.tsx';
import { AdminCustomersPage } from './AdminCustomersPage.tsx';
import { AdminDenied } from './AdminDenied.tsx';
import { AdminNav, sectionsFor } from './AdminNav.tsx';
import { AdminOrganisationsPage } from './AdminOrganisationsPage.tsx';
import { AdminAccess } from './access.ts';
import { SettingsPage } from './SettingsPage.tsx';
import { StaffPage } from './StaffPage.tsx';
import { TeamsPage } from './TeamsPage.tsx';

/**
 * /admin/*: one page per section. Who may change what is the server's call: the first 403 it
 * answers here replaces the area with a polite notice instead of a trail of failed actions.
 */
export function AdminRoutes({ me }: { me: Extract<CurrentUser, { kind: 'staff' }> }) {
  const [denied, setDenied] = useState<ApiError | null>(null);
  const deny = useCallback((err: ApiError) => setDenied(err), []);
  if (denied) return <AdminDenied error={denied} />;
  const first = sectionsFor(me.role)[0]?.path ?? 'staff';
  return (
    <AdminAccess.Provider value={deny}>
      <Stack gap={0}>
        <Title order={2}>Administration</Title>
        <Text size="sm" c="dimmed" mb="md">
          People, customers and settings of {me.workspace_name}
        </Text>
        <AdminNav role={me.role} />
        <Routes>
          <Route index element={<Navigate to={first} replace />} />
          <Route path="staff" element={<StaffPage />} />
          <Route path="teams" element={<TeamsPage />} />
          <Route path="routing" element={<RoutingAdminPage />} />
          <Route path="service-levels/:part?" element={<SlaAdminPage />} />
          <Route path="customers" element={<AdminCustomersPage />} />
          <Route path="organisations" element={<AdminOrganisationsPage />} />
          <Route path="email/:part?" element={<EmailAdminPage />} />
          <Route path="macros" element={<MacrosAdminPage />} />
          <Route path="automations/:id?" element={<AutomationsAdminPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<Navigate to={first} replace />} />
        </Routes>
      </Stack>
    </AdminAccess.Provider>
  );
}
