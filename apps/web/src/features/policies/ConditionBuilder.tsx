import 'react-querybuilder/dist/query-builder.css';
import './conditionBuilder.css';
import {
  Alert,
  Button,
  Code,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { QueryBuilder, type RuleGroupType } from 'react-querybuilder';
import { ActionControl, NotControl, SelectorControl, ValueControl } from './builderControls.tsx';
import { type FieldDef, factsIn, fieldsFor, incompleteRules, toCondition, toQuery } from './condition.ts';
import { describeQuery } from './describe.ts';

type Props = {
  value: unknown;
  /** The new condition, and how many rules still lack a value. */
  onChange: (condition: unknown, incomplete: number) => void;
  disabled?: boolean;
  /**
   * The fields a condition may read. Without it: a policy's fields (request, facts, customer, case),
   * and the admin may add other request facts.
   */
  fields?: FieldDef[];
  /** What the condition governs, for the sentences around it ("the policy", "the rule"). */
  subject?: { name: string; always: string; jsonHelp: string };
};

const POLICY_SUBJECT = {
  name: 'The policy',
  always: 'No rules: the policy applies to every request of its kinds.',
  jsonHelp: 'Over request.kind, request.amount, request.facts.*, customer.* and case.*; true applies always',
};

const TRANSLATIONS = {
  addRule: { label: '+ Rule', title: 'Add a rule' },
  addGroup: { label: '+ Group', title: 'Add a group of rules' },
  removeRule: { label: 'Remove', title: 'Remove this rule' },
  removeGroup: { label: 'Remove', title: 'Remove this group' },
  fields: { title: 'Field' },
  operators: { title: 'Operator' },
  value: { title: 'Value' },
  combinators: { title: 'Combine rules with' },
  notToggle: { label: 'Not', title: 'Apply when the group does not hold' },
};

const CONTROLS = {
  fieldSelector: SelectorControl,
  operatorSelector: SelectorControl,
  combinatorSelector: SelectorControl,
  valueEditor: ValueControl,
  actionElement: ActionControl,
  notToggle: NotControl,
};

/**
 * When a policy applies, as rules over the request, its facts, the customer and the case. Edited
 * with react-querybuilder and stored as JSONLogic; a condition the builder cannot show in full is
 * edited as JSONLogic instead, so that it is never rewritten behind the admin's back.
 */
export function ConditionBuilder({
  value,
  onChange,
  disabled,
  fields: given,
  subject = POLICY_SUBJECT,
}: Props) {
  const initial = useMemo(() => toQuery(value), [value]);
  const [mode, setMode] = useState<'builder' | 'json'>(initial.exact ? 'builder' : 'json');
  const [query, setQuery] = useState<RuleGroupType>(initial.query);
  const [json, setJson] = useState(() => JSON.stringify(value, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [extra, setExtra] = useState<string[]>([]);
  const [newFact, setNewFact] = useState('');
  const fields = useMemo(() => given ?? fieldsFor([...factsIn(value), ...extra]), [given, value, extra]);
  const fromBuilder = (q: RuleGroupType) => {
    setQuery(q);
    const condition = toCondition(q);
    setJson(JSON.stringify(condition, null, 2));
    onChange(condition, incompleteRules(q));
  };
  const fromJson = (text: string) => {
    setJson(text);
    try {
      const parsed: unknown = JSON.parse(text);
      setJsonError(null);
      onChange(parsed, 0);
    } catch {
      setJsonError('This is not valid JSON yet');
    }
  };
  const switchTo = (m: string) => {
    if (m === 'builder') setQuery(toQuery(value).query);
    setMode(m as 'builder' | 'json');
  };
  const addFact = () => {
    const name = newFact.trim();
    if (/^[a-z][a-z0-9_]*$/.test(name)) setExtra((x) => [...x, name]);
    setNewFact('');
  };
  const exactNow = mode === 'json' ? toQuery(value).exact : true;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {query.rules.length === 0 && mode === 'builder'
            ? subject.always
            : `${subject.name} applies when these rules hold.`}
        </Text>
        <SegmentedControl
          size="xs"
          aria-label="Edit the condition as"
          data={[
            { value: 'builder', label: 'Rules' },
            { value: 'json', label: 'JSONLogic' },
          ]}
          value={mode}
          onChange={switchTo}
        />
      </Group>
      {mode === 'builder' ? (
        <>
          <QueryBuilder
            fields={fields}
            query={query}
            onQueryChange={fromBuilder}
            controlElements={CONTROLS}
            translations={TRANSLATIONS}
            controlClassnames={{ queryBuilder: 'fd-condition queryBuilder-branches' }}
            listsAsArrays
            showNotToggle
            resetOnFieldChange
            disabled={disabled}
          />
          {!given && (
            <Group gap="xs" align="flex-end">
              <TextInput
                size="xs"
                label="Another fact to test"
                placeholder="e.g. order_channel"
                value={newFact}
                onChange={(e) => setNewFact(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addFact();
                  }
                }}
              />
              <Button size="xs" variant="default" onClick={addFact} disabled={!newFact.trim()}>
                Add to the fields
              </Button>
            </Group>
          )}
          <Text size="sm">
            <Text span fw={500}>
              Reads as:{' '}
            </Text>
            {describeQuery(query, fields)}
          </Text>
          <Text size="xs" c="dimmed">
            Stored as <Code>{JSON.stringify(toCondition(query))}</Code>
          </Text>
        </>
      ) : (
        <>
          {!exactNow && (
            <Alert color="yellow" title="The rules view cannot show all of this condition">
              It uses JSONLogic the builder has no rule for. Edit it here; switching to Rules and changing
              anything there would replace it.
            </Alert>
          )}
          <Textarea
            label="Condition (JSONLogic)"
            description={subject.jsonHelp}
            ff="monospace"
            autosize
            minRows={4}
            maxRows={16}
            value={json}
            onChange={(e) => fromJson(e.currentTarget.value)}
            error={jsonError}
            disabled={disabled}
          />
        </>
      )}
    </Stack>
  );
}
