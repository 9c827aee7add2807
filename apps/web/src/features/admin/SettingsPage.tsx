import { Alert, Center, Loader, Paper } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Workspace } from '../../lib/types.ts';
import { SectionHeader } from './SectionHeader.tsx';
import { WorkspaceForm } from './WorkspaceForm.tsx';
import { explain } from './words.ts';

export function SettingsPage() {
  const ws = useQuery({ queryKey: ['workspace'], queryFn: () => api<Workspace>('/workspace') });
  return (
    <>
      <SectionHeader
        title="Settings"
        description="How the workspace is named, which clock it keeps and which languages it serves"
      />
      {ws.isError && (
        <Alert color="red" title="The settings cannot be shown">
          {explain(ws.error)}
        </Alert>
      )}
      <Paper withBorder radius="md" p="lg" maw={640}>
        {ws.data ? (
          <WorkspaceForm key={ws.data.updated_at} workspace={ws.data} />
        ) : (
          <Center p="xl">
            <Loader aria-label="Loading settings" />
          </Center>
        )}
      </Paper>
    </>
  );
}
