import { SkillRule as SkillRuleSchema } from '@fairdesk/contract';
import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { AssignmentMode } from '../../lib/types.ts';
import type { SkillRule } from './schedule.format.ts';
import { useSetTeamRouting } from './useRouting.ts';

const WHEN = [
  { value: 'language', label: 'Customer language is' },
  { value: 'tag', label: 'Case is tagged' },
];

/** A missing field reads as such, not as a length. */
const say = (issue: { code: string; path: PropertyKey[]; message: string }) =>
  issue.code === 'too_small' ? `the ${String(issue.path[0])} is missing` : issue.message;

type Props = { teamId: string; name: string; mode: AssignmentMode; rules: SkillRule[]; onClose: () => void };

/** A team's rules that give its cases required skills: a customer language or a tag → a skill. */
export function SkillRulesModal({ teamId, name, mode, rules: initial, onClose }: Props) {
  const [rules, setRules] = useState<SkillRule[]>(initial);
  const [error, setError] = useState<string | null>(null);
  const set = useSetTeamRouting();
  const edit = (i: number, patch: Partial<SkillRule>) =>
    setRules((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = rules.map((r) => SkillRuleSchema.safeParse(r));
    const problems = parsed.flatMap((p, i) =>
      p.success ? [] : [`Rule ${i + 1}: ${[...new Set(p.error.issues.map(say))].join(', ')}`],
    );
    if (problems.length > 0) {
      setError(problems.join('; '));
      return;
    }
    const skill_rules = parsed.flatMap((p) => (p.success ? [p.data] : []));
    set.mutate({ teamId, mode, skill_rules }, { onSuccess: onClose });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Skill rules of ${name}`}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            A case needs a skill when a rule matches it (and when one of its tags is a skill itself). Routing
            prefers agents who have every skill the case needs.
          </Text>
          {rules.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
              <Select
                label={i === 0 ? 'When' : undefined}
                aria-label={`Rule ${i + 1}: when`}
                data={WHEN}
                value={r.when}
                allowDeselect={false}
                onChange={(v) => v && edit(i, { when: v as SkillRule['when'] })}
                w={210}
              />
              <TextInput
                label={i === 0 ? 'Value' : undefined}
                aria-label={`Rule ${i + 1}: value`}
                placeholder={r.when === 'language' ? 'es' : 'warranty'}
                value={r.value}
                onChange={(e) => edit(i, { value: e.currentTarget.value })}
              />
              <TextInput
                label={i === 0 ? 'Needs skill' : undefined}
                aria-label={`Rule ${i + 1}: needs skill`}
                placeholder="spanish"
                value={r.skill}
                onChange={(e) => edit(i, { skill: e.currentTarget.value })}
              />
              <ActionIcon
                variant="subtle"
                color="red.9"
                size="lg"
                aria-label={`Remove rule ${i + 1}`}
                onClick={() => setRules((rs) => rs.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            w="fit-content"
            onClick={() => setRules((rs) => [...rs, { when: 'language', value: '', skill: '' }])}
          >
            Add a rule
          </Button>
          {error && <Alert color="red.9">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={set.isPending}>
              Save rules
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
