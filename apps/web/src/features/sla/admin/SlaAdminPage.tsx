import { Tabs } from '@mantine/core';
import { IconCalendarTime, IconListNumbers } from '@tabler/icons-react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { SectionHeader } from '../../admin/SectionHeader.tsx';
import { CalendarsPanel } from './CalendarsPanel.tsx';
import { PoliciesPanel } from './PoliciesPanel.tsx';

const PARTS = ['policies', 'hours'] as const;
type Part = (typeof PARTS)[number];

/** /admin/service-levels/:part — the targets cases must meet, and the hours they are counted in. */
export function SlaAdminPage() {
  const { part } = useParams();
  const navigate = useNavigate();
  if (!PARTS.includes(part as Part)) return <Navigate to="/admin/service-levels/policies" replace />;
  return (
    <>
      <SectionHeader
        title="Service levels"
        description="How fast cases get a first reply, a next reply and a resolution, counted in your business hours"
      />
      <Tabs
        value={part}
        onChange={(v) => v && navigate(`/admin/service-levels/${v}`)}
        keepMounted={false}
        aria-label="Service level settings"
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="policies" leftSection={<IconListNumbers size={16} aria-hidden />}>
            Policies
          </Tabs.Tab>
          <Tabs.Tab value="hours" leftSection={<IconCalendarTime size={16} aria-hidden />}>
            Business hours
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="policies">
          <PoliciesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="hours">
          <CalendarsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
