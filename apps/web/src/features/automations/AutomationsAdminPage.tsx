import { Alert, Button, Center, Loader, Paper, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useDenyOnForbidden } from '../admin/access.ts';
import { ConfirmModal } from '../admin/ConfirmModal.tsx';
import { SectionHeader } from '../admin/SectionHeader.tsx';
import { explain } from '../admin/words.ts';
import { AutomationEditor } from './AutomationEditor.tsx';
import { AutomationTable } from './AutomationTable.tsx';
import type { AutomationRule } from './types.ts';
import { useAutomations, useDeleteAutomation, useReorder, useSetActive } from './useAutomations.ts';

/** /admin/automations: the rules in order; /admin/automations/new or /:id edits one. */
export function AutomationsAdminPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const rules = useAutomations();
  useDenyOnForbidden(rules.error);
  const [deleting, setDeleting] = useState<AutomationRule | null>(null);
  const remove = useDeleteAutomation(() => setDeleting(null));
  const toggle = useSetActive();
  const reorder = useReorder();
  if (id) {
    if (id !== 'new' && rules.isPending) return <Loader aria-label="Loading the rule" />;
    const rule = id === 'new' ? null : (rules.data?.find((r) => r.id === id) ?? null);
    if (id !== 'new' && !rule) return <Alert color="red.9" title="This rule does not exist (any more)" />;
    return <AutomationEditor key={id} rule={rule} onClose={() => navigate('/admin/automations')} />;
  }
  const move = (i: number, by: -1 | 1) => {
    const ids = (rules.data ?? []).map((r) => r.id);
    const [item] = ids.splice(i, 1);
    if (item) ids.splice(i + by, 0, item);
    reorder.mutate(ids);
  };
  return (
    <>
      <SectionHeader
        title="Automations"
        description="Rules that act on cases when something happens or after a time in a status, in this order"
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/admin/automations/new')}>
            New rule
          </Button>
        }
      />
      {rules.isError && (
        <Alert color="red.9" title="The rules cannot be shown">
          {explain(rules.error)}
        </Alert>
      )}
      <Paper withBorder radius="md">
        {rules.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading automation rules" />
          </Center>
        ) : rules.data?.length === 0 ? (
          <Center p="xl">
            <Text c="dimmed">No rules yet. Create one, and try it on recent cases with a dry run first.</Text>
          </Center>
        ) : (
          <AutomationTable
            rules={rules.data ?? []}
            onEdit={(r) => navigate(`/admin/automations/${r.id}`)}
            onDelete={setDeleting}
            onToggle={(r, active) => toggle.mutate({ id: r.id, active })}
            onMove={move}
          />
        )}
      </Paper>
      <Text size="xs" c="dimmed" mt="xs">
        A rule never reacts to its own changes, runs at most 3 times a day per case, and a chain of rules
        triggering each other stops after 5.
      </Text>
      <ConfirmModal
        opened={deleting !== null}
        title={`Delete the rule ${deleting?.name ?? ''}?`}
        confirmLabel="Delete rule"
        danger
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        It stops acting on cases. What it did stays on the cases’ timelines.
      </ConfirmModal>
    </>
  );
}
