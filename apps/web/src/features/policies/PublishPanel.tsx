import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { useState } from 'react';
import { fullDate } from '../../lib/format.ts';
import { notifyDone } from '../../lib/notify.ts';
import { notifyFailed } from './notify.ts';
import type { PolicyDetail } from './types.ts';
import { usePublishPolicy } from './usePolicies.ts';
import { AMBER, explain } from './words.ts';

/** "2026-11-22T14:05" in local time, as a datetime-local input wants it. */
const localInput = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** Publishes the draft from a date; until then the version in force keeps deciding. */
export function PublishPanel({ policy, blocked }: { policy: PolicyDetail; blocked: string | null }) {
  const [from, setFrom] = useState(() => localInput(new Date()));
  const [error, setError] = useState<string | null>(null);
  const publish = usePublishPolicy();
  const draft = policy.draft;
  const submit = () => {
    const at = new Date(from);
    if (Number.isNaN(at.getTime())) return setError('Give a date and time');
    if (at.getTime() < Date.now() - 60_000) return setError('A policy cannot take effect in the past');
    setError(null);
    const now = at.getTime() <= Date.now() + 60_000;
    publish.mutate(
      { id: policy.id, effective_from: now ? undefined : at.toISOString() },
      {
        onSuccess: () =>
          notifyDone(
            now
              ? `Version ${draft?.version} is in force`
              : `Version ${draft?.version} takes effect ${fullDate(at.toISOString())}`,
          ),
        onError: (err) => notifyFailed(err, 'The policy was not published'),
      },
    );
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="publish-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="publish-heading">
          Publish
        </Title>
        {!draft ? (
          <Text size="sm" c="dimmed">
            No draft. Edit the policy and save it as a draft to publish a new version.
          </Text>
        ) : (
          <>
            <Text size="sm">
              Draft v{draft.version}
              {policy.in_force
                ? ` would replace v${policy.in_force.version}`
                : ' would be the first version in force'}
              . Decisions already taken keep the versions they used.
            </Text>
            <TextInput
              type="datetime-local"
              label="Effective from"
              description="Now, or a later date"
              value={from}
              min={localInput(new Date())}
              onChange={(e) => setFrom(e.currentTarget.value)}
              error={error}
            />
            {blocked && (
              <Text size="xs" c={AMBER}>
                {blocked}
              </Text>
            )}
            {publish.isError && <Alert color="red">{explain(publish.error)}</Alert>}
            <Group justify="flex-end">
              <Button
                leftSection={<IconRocket size={16} />}
                onClick={submit}
                loading={publish.isPending}
                disabled={!policy.can.publish || !!blocked}
              >
                Publish v{draft.version}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
