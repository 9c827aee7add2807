import { COMPARE, CONTAINS, EQ, type FieldDef, KNOWN, LIST, opts } from '../policies/condition.ts';
import type { AutomationTrigger } from './types.ts';
import { PRIORITIES, STATUSES } from './words.ts';

type Named = { id: string; name: string };

const number = (name: string, label: string): FieldDef => ({
  name,
  label,
  datatype: 'number',
  operators: [...COMPARE, ...EQ],
  defaultValue: 0,
});

const statusLabel = (s: string) => s.replace('_', ' ');

/**
 * The case fields an automation condition reads (the server's conditionFacts): the case, its
 * customer's language and, for the triggers that have one, the change that fired the rule.
 */
export function caseFields(trigger: AutomationTrigger, teams: Named[], staff: Named[]): FieldDef[] {
  const fields: FieldDef[] = [
    {
      name: 'case.status',
      label: 'Case: status',
      datatype: 'select',
      values: opts([...STATUSES], statusLabel),
      operators: [...EQ, ...LIST],
      defaultValue: 'open',
    },
    {
      name: 'case.priority',
      label: 'Case: priority',
      datatype: 'select',
      values: opts([...PRIORITIES]),
      operators: [...EQ, ...LIST],
      defaultValue: 'normal',
    },
    {
      name: 'case.channel',
      label: 'Case: channel',
      datatype: 'select',
      values: opts(['email', 'portal', 'api', 'phone']),
      operators: [...EQ, ...LIST],
      defaultValue: 'email',
    },
    { name: 'case.subject', label: 'Case: subject (lower case)', datatype: 'text', operators: CONTAINS },
    { name: 'case.tags', label: 'Case: tags', datatype: 'text', operators: CONTAINS },
    {
      name: 'case.team_id',
      label: 'Case: team',
      datatype: 'select',
      values: teams.map((t) => ({ name: t.id, value: t.id, label: t.name })),
      operators: [...EQ, ...KNOWN],
      defaultValue: teams[0]?.id ?? '',
    },
    {
      name: 'case.assignee_id',
      label: 'Case: assignee',
      datatype: 'select',
      values: staff.map((s) => ({ name: s.id, value: s.id, label: s.name })),
      operators: [...EQ, ...KNOWN],
      defaultValue: staff[0]?.id ?? '',
    },
    { name: 'customer.language', label: 'Customer: language (en, de…)', datatype: 'text', operators: EQ },
    number('case.hours_in_status', 'Case: hours in this status'),
    number('case.hours_since_created', 'Case: hours since created'),
    number('case.hours_since_updated', 'Case: hours since last change'),
    number('case.message_count', 'Case: messages'),
    number('case.customer_messages', 'Case: messages from the customer'),
  ];
  if (trigger === 'status_changed')
    for (const [name, label] of [
      ['event.status_from', 'Change: status was'],
      ['event.status_to', 'Change: status is now'],
    ] as const)
      fields.push({
        name,
        label,
        datatype: 'select',
        values: opts([...STATUSES], statusLabel),
        operators: [...EQ, ...LIST],
        defaultValue: 'pending',
      });
  if (trigger === 'sla_warning' || trigger === 'sla_breached')
    fields.push({
      name: 'event.sla_target',
      label: 'Service level target',
      datatype: 'select',
      values: opts(['first_response', 'next_response', 'resolution'], statusLabel),
      operators: EQ,
      defaultValue: 'first_response',
    });
  return fields;
}

export const CONDITION_SUBJECT = {
  name: 'The rule',
  always: 'No rules: the automation runs for every case its trigger fires on.',
  jsonHelp: 'Over case.*, customer.language and event.*; true runs always',
};
