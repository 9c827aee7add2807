import { Button, Group, NativeSelect, NumberInput, Paper, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { notifyDone } from '../../lib/notify.ts';
import { notifyFailed } from './notify.ts';
import { type PolicySettings, usePolicySettings } from './usePolicies.ts';
import { aRole, ROLES } from './words.ts';

/** What happens when no policy applies, and how long authorisations live; admins may change it. */
export function PolicySettingsLine({ isAdmin }: { isAdmin: boolean }) {
  const settings = usePolicySettings();
  const qc = useQueryClient();
  const [edit, setEdit] = useState<PolicySettings | null>(null);
  const save = useMutation({
    mutationFn: (body: PolicySettings) =>
      api<PolicySettings>('/policies/settings', { method: 'PATCH', body }),
    onSuccess: (s) => {
      qc.setQueryData(['policies', 'settings'], s);
      notifyDone('Settings saved');
      setEdit(null);
    },
    onError: (err) => notifyFailed(err, 'The settings were not saved'),
  });
  const s = settings.data;
  if (!s) return null;
  if (!edit)
    return (
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between">
          <Text size="sm">
            When no policy applies:{' '}
            <b>
              {s.default_outcome === 'granted'
                ? 'granted'
                : `needs authorisation by ${aRole(s.default_role)}`}
            </b>
            . Authorisations lapse after <b>{s.authorisation_ttl_days} days</b>.
          </Text>
          {isAdmin && (
            <Button size="xs" variant="default" onClick={() => setEdit(s)}>
              Change
            </Button>
          )}
        </Group>
      </Paper>
    );
  return (
    <Paper withBorder radius="md" p="sm">
      <Group align="flex-end">
        <NativeSelect
          label="When no policy applies"
          data={[
            { value: 'needs_authorisation', label: 'Needs authorisation' },
            { value: 'granted', label: 'Granted' },
          ]}
          value={edit.default_outcome}
          onChange={(e) =>
            setEdit({ ...edit, default_outcome: e.currentTarget.value as PolicySettings['default_outcome'] })
          }
        />
        <NativeSelect
          label="By"
          data={ROLES}
          value={edit.default_role}
          onChange={(e) =>
            setEdit({ ...edit, default_role: e.currentTarget.value as PolicySettings['default_role'] })
          }
        />
        <NumberInput
          label="Authorisations lapse after (days)"
          min={1}
          max={90}
          allowDecimal={false}
          value={edit.authorisation_ttl_days}
          onChange={(v) => setEdit({ ...edit, authorisation_ttl_days: Number(v) || 1 })}
        />
        <Button variant="default" onClick={() => setEdit(null)}>
          Cancel
        </Button>
        <Button loading={save.isPending} onClick={() => save.mutate(edit)}>
          Save
        </Button>
      </Group>
    </Paper>
  );
}
