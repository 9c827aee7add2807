import { Alert, Badge, Button, Grid, Loader, NavLink, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../../lib/api.ts';
import { ConfirmModal } from '../../admin/ConfirmModal.tsx';
import { useAllTeams } from '../../admin/useStaffAdmin.ts';
import { CalendarEditor, defaultValues, valuesOf } from './CalendarEditor.tsx';
import { CalendarPreviewCard } from './CalendarPreviewCard.tsx';
import { useCalendars, useDeleteCalendar } from './useSlaAdmin.ts';

// Mantine's description colour is too faint on the active item's tint (axe: color-contrast).
const Hint = ({ children }: { children: React.ReactNode }) => (
  <Text span size="xs" c="gray.7">
    {children}
  </Text>
);

/** The workspace calendar and each team's: teams without their own follow the workspace's. */
export function CalendarsPanel() {
  const calendars = useCalendars();
  const teams = useAllTeams();
  const [params, setParams] = useSearchParams();
  const scope = params.get('calendar') ?? 'workspace';
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteCalendar(() => setConfirming(false));
  if (calendars.isPending || teams.isPending) return <Loader aria-label="Loading calendars" />;
  if (calendars.isError) return <Alert color="red.9">{errorMessage(calendars.error)}</Alert>;
  const workspace = calendars.data.find((c) => !c.team);
  const own = (teamId: string) => calendars.data.find((c) => c.team?.id === teamId);
  const team = teams.data?.find((t) => t.id === scope);
  const current = scope === 'workspace' ? workspace : own(scope);
  const initial = current
    ? valuesOf(current)
    : scope === 'workspace'
      ? defaultValues('Business hours')
      : { ...(workspace ? valuesOf(workspace) : defaultValues('')), name: `${team?.name ?? 'Team'} hours` };
  const pick = (s: string) => setParams(s === 'workspace' ? {} : { calendar: s }, { replace: true });
  return (
    <>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder radius="md" p={4} component="nav" aria-label="Calendars">
            <NavLink
              label="Workspace"
              description={<Hint>{workspace ? workspace.name : 'Not set yet'}</Hint>}
              active={scope === 'workspace'}
              color="teal.9"
              onClick={() => pick('workspace')}
              aria-current={scope === 'workspace' ? 'true' : undefined}
            />
            {(teams.data ?? []).map((t) => (
              <NavLink
                key={t.id}
                label={t.name}
                description={<Hint>{own(t.id)?.name ?? 'Follows the workspace'}</Hint>}
                active={scope === t.id}
                color="teal.9"
                onClick={() => pick(t.id)}
                aria-current={scope === t.id ? 'true' : undefined}
                rightSection={
                  own(t.id) ? (
                    <Badge size="xs" variant="light" color="teal.9">
                      own hours
                    </Badge>
                  ) : null
                }
              />
            ))}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            {scope !== 'workspace' && !current && (
              <Alert
                color="blue"
                variant="light"
                title={`${team?.name ?? 'This team'} follows the workspace calendar`}
              >
                Save hours here to give the team its own, for example a night shift or another country.
              </Alert>
            )}
            <CalendarEditor
              key={`${scope}:${current?.updated_at ?? 'new'}`}
              scope={scope}
              title={scope === 'workspace' ? 'Workspace calendar' : `${team?.name ?? 'Team'} calendar`}
              initial={initial}
              isNew={!current}
              extra={
                scope !== 'workspace' && current ? (
                  <Button variant="subtle" color="red" size="xs" onClick={() => setConfirming(true)}>
                    Use the workspace calendar instead
                  </Button>
                ) : null
              }
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          {current ? (
            <CalendarPreviewCard scope={scope} />
          ) : workspace ? (
            <CalendarPreviewCard scope="workspace" note="The workspace calendar, which applies until then" />
          ) : (
            <Text size="sm" c="dimmed">
              The preview appears once the calendar is saved.
            </Text>
          )}
        </Grid.Col>
      </Grid>
      <ConfirmModal
        opened={confirming && !!current?.team}
        title={`Delete the hours of ${team?.name ?? 'this team'}?`}
        confirmLabel="Use the workspace calendar"
        danger
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => current && remove.mutate(current)}
      >
        The team’s open cases will count their service levels in the workspace calendar’s hours from now on;
        their due times are recomputed.
      </ConfirmModal>
    </>
  );
}
