import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '../../lib/api.ts';
import { AgentRoutingTable } from './AgentRoutingTable.tsx';
import { TeamRoutingTable } from './TeamRoutingTable.tsx';
import { useRoutingOverview } from './useRouting.ts';

/** Teams' assignment modes and capacities, agents' skills and capacities (admins change them). */
export function RoutingAdminPage() {
  const overview = useRoutingOverview();
  if (overview.isPending) return <Loader aria-label="Loading routing" />;
  if (overview.isError)
    return (
      <Alert color="red.9" title="Routing could not be loaded">
        {errorMessage(overview.error)}
      </Alert>
    );
  return (
    <Stack gap="lg">
      <Title order={2}>Routing</Title>
      <Text size="sm" c="dimmed">
        New cases go to team members who are online, on shift and have room left; cases that wait reach them,
        the most pressing first, as soon as they come online, start a shift or finish a case. Skills come from
        tags that name a skill and from each team’s skill rules (a customer language or a tag); difficult
        cases (tagged difficult, angry or escalated, or urgent) are shared so nobody takes more than their
        share in a day.
      </Text>
      <Title order={3}>Teams</Title>
      <TeamRoutingTable teams={overview.data.teams} />
      <Title order={3}>Agents</Title>
      <AgentRoutingTable agents={overview.data.agents} />
    </Stack>
  );
}
