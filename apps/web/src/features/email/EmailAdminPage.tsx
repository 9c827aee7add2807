import { Badge, Tabs } from '@mantine/core';
import { IconInbox, IconMailForward, IconShieldExclamation, IconTemplate } from '@tabler/icons-react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { SectionHeader } from '../admin/SectionHeader.tsx';
import { MailboxesPanel } from './MailboxesPanel.tsx';
import { OutgoingPanel } from './OutgoingPanel.tsx';
import { QuarantinePanel } from './QuarantinePanel.tsx';
import { TemplatesPanel } from './TemplatesPanel.tsx';
import { useQuarantine } from './useEmailAdmin.ts';

const PARTS = ['mailboxes', 'quarantine', 'outgoing', 'templates'] as const;
type Part = (typeof PARTS)[number];

/** /admin/email/:part — each part has its own address, so a link can open the quarantine directly. */
export function EmailAdminPage() {
  const { part } = useParams();
  const navigate = useNavigate();
  const held = useQuarantine();
  if (!PARTS.includes(part as Part)) return <Navigate to="/admin/email/mailboxes" replace />;
  const heldCount = held.data?.pages.reduce((n, p) => n + p.items.length, 0) ?? 0;
  const more = held.hasNextPage ? '+' : '';
  return (
    <>
      <SectionHeader
        title="Email"
        description="Where mail arrives, what was held back for a look, and what Fairdesk sent"
      />
      <Tabs
        value={part}
        onChange={(v) => v && navigate(`/admin/email/${v}`)}
        keepMounted={false}
        aria-label="Email settings"
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="mailboxes" leftSection={<IconInbox size={16} aria-hidden />}>
            Mailboxes
          </Tabs.Tab>
          <Tabs.Tab
            value="quarantine"
            leftSection={<IconShieldExclamation size={16} aria-hidden />}
            rightSection={
              heldCount > 0 ? (
                <Badge size="sm" color="red.9" variant="filled" autoContrast circle={heldCount < 10}>
                  <span aria-hidden>{`${heldCount}${more}`}</span>
                </Badge>
              ) : null
            }
            aria-label={heldCount > 0 ? `Quarantine, ${heldCount}${more} held` : undefined}
          >
            Quarantine
          </Tabs.Tab>
          <Tabs.Tab value="outgoing" leftSection={<IconMailForward size={16} aria-hidden />}>
            Outgoing mail
          </Tabs.Tab>
          <Tabs.Tab value="templates" leftSection={<IconTemplate size={16} aria-hidden />}>
            Templates
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mailboxes">
          <MailboxesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="quarantine">
          <QuarantinePanel />
        </Tabs.Panel>
        <Tabs.Panel value="outgoing">
          <OutgoingPanel />
        </Tabs.Panel>
        <Tabs.Panel value="templates">
          <TemplatesPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
