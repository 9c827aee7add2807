import { PolicyCreate, PolicyUpdate } from '@fairdesk/contract';
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { notifyDone } from '../../lib/notify.ts';
import { fieldErrors } from './issues.ts';
import { LayerBadge } from './LayerBadge.tsx';
import { notifyFailed } from './notify.ts';
import { PolicyForm } from './PolicyForm.tsx';
import { PolicySummary } from './PolicySummary.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import {
  baseVersion,
  bodyOf,
  changedFields,
  newPolicy,
  type PolicyValues,
  policyProblems,
  valuesOf,
} from './policyForm.ts';
import { serverProblems } from './serverProblems.ts';
import type { PolicyDetail } from './types.ts';
import { useSavePolicy, useWhatIf } from './usePolicies.ts';
import { VersionHistory } from './VersionHistory.tsx';
import { WhatIfPanel } from './WhatIfPanel.tsx';
import { explain } from './words.ts';

/** The policy editor with what-if, publishing and the versions beside it. */
export function PolicyEditor({ policy }: { policy: PolicyDetail | null }) {
  const navigate = useNavigate();
  const base = policy ? baseVersion(policy) : null;
  const start = useMemo(() => (base ? valuesOf(base) : newPolicy()), [base]);
  const [values, setValues] = useState<PolicyValues>(start);
  const [incomplete, setIncomplete] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loadedId, setLoadedId] = useState(base?.id ?? 'new');
  const [resets, setResets] = useState(0);
  const save = useSavePolicy();
  const whatIf = useWhatIf();
  // A saved draft or a publish brings a new base version: start the editor again from it.
  useEffect(() => {
    if ((base?.id ?? 'new') !== loadedId) {
      setValues(start);
      setLoadedId(base?.id ?? 'new');
    }
  }, [base?.id, loadedId, start]);
  const canEdit = policy ? policy.can.edit : true;
  const body = bodyOf(values);
  const dirty = JSON.stringify(body) !== JSON.stringify(bodyOf(start));
  const set = <K extends keyof PolicyValues>(key: K, value: PolicyValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: '' } : e));
  };
  const check = () => {
    const problems = policyProblems(values, incomplete);
    const parsed = PolicyCreate.safeParse(body);
    const all = { ...(parsed.success ? {} : fieldErrors(parsed.error.issues)), ...problems };
    setErrors(all);
    return Object.values(all).some(Boolean) ? null : body;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = check();
    if (!checked) return;
    const edit = policy && base ? changedFields(bodyOf(start), checked) : checked;
    if (policy && !PolicyUpdate.safeParse(edit).success) return notifyDone('Nothing to save');
    save.mutate(
      { id: policy?.id ?? null, body: edit },
      {
        onSuccess: (p) => {
          notifyDone(
            policy ? `Draft v${p.draft?.version ?? p.latest_version} saved` : 'Policy created as a draft',
          );
          if (!policy) navigate(`/policies/${p.id}`, { replace: true });
        },
        onError: (err) => notifyFailed(err, 'The policy was not saved'),
      },
    );
  };
  const runWhatIf = () => {
    const checked = check();
    if (checked && policy)
      whatIf.mutate(
        { id: policy.id, draft: checked },
        {
          onSuccess: (r) => notifyDone(`${r.changed} of the last ${r.replayed} requests would change`),
          onError: (err) => notifyFailed(err, 'The what-if did not run'),
        },
      );
  };
  const problems = serverProblems(save.error);
  const title = policy ? policy.name : 'New policy';
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/policies" size="sm">
          Policies
        </Anchor>
        <Text size="sm">{title}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{title}</Title>
          {base && (
            <Group gap="xs">
              <LayerBadge layer={base.layer} strength={base.strength} />
              <Text size="sm" c="dimmed">
                {policy?.in_force ? `v${policy.in_force.version} in force` : 'not in force'}
                {canEdit && policy?.draft ? ` · editing draft v${policy.draft.version}` : ''}
                {canEdit && policy && !policy.draft ? ' · saving starts a new draft' : ''}
              </Text>
            </Group>
          )}
        </Stack>
      </Group>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          {!canEdit && base ? (
            <PolicySummary version={base} />
          ) : (
            <Paper
              withBorder
              radius="md"
              p="md"
              component="form"
              onSubmit={submit}
              noValidate
              aria-label="Policy"
            >
              <Stack gap="md">
                <PolicyForm
                  values={values}
                  set={set}
                  errors={errors}
                  onCondition={(c, n) => {
                    set('condition', c);
                    setIncomplete(n);
                  }}
                  conditionKey={`${loadedId}-${resets}`}
                  disabled={!canEdit}
                />
                {(problems.length > 0 || (save.isError && !problems.length)) && (
                  <Alert color="red" title="The server did not accept the policy">
                    {problems.length ? (
                      <List size="sm">
                        {problems.map((p) => (
                          <List.Item key={p}>{p}</List.Item>
                        ))}
                      </List>
                    ) : (
                      explain(save.error)
                    )}
                  </Alert>
                )}
                {canEdit && (
                  <Group justify="flex-end">
                    <Button
                      variant="default"
                      disabled={!dirty}
                      onClick={() => {
                        setValues(start);
                        setResets((n) => n + 1);
                      }}
                    >
                      Discard changes
                    </Button>
                    <Button
                      type="submit"
                      leftSection={<IconDeviceFloppy size={16} />}
                      loading={save.isPending}
                      disabled={!dirty}
                    >
                      {policy ? 'Save draft' : 'Create as draft'}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            {policy && canEdit && (
              <WhatIfPanel
                result={whatIf.data}
                error={whatIf.error}
                pending={whatIf.isPending}
                onRun={runWhatIf}
              />
            )}
            {policy && canEdit && (
              <PublishPanel
                policy={policy}
                blocked={dirty ? 'Save the draft first: what is published is the saved draft.' : null}
              />
            )}
            {!policy && (
              <Paper withBorder radius="md" p="md">
                <Text size="sm" c="dimmed">
                  Create the policy as a draft first; then try it on past requests (what-if) and publish it.
                </Text>
              </Paper>
            )}
            {policy && <VersionHistory policy={policy} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
