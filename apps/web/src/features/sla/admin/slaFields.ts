import { CONTAINS, EQ, type FieldDef, LIST, opts, PRESENT } from '../../policies/condition.ts';

type Named = { id: string; name: string };

const byId = (items: Named[]) => items.map((i) => ({ name: i.id, value: i.id, label: i.name }));

/** What an SLA policy's condition may read: the case facts the server evaluates it with. */
export function slaFields(teams: Named[], organisations: Named[]): FieldDef[] {
  return [
    {
      name: 'priority',
      label: 'Priority',
      datatype: 'select',
      values: opts(['low', 'normal', 'high', 'urgent']),
      operators: [...EQ, ...LIST],
      defaultValue: 'urgent',
    },
    {
      name: 'channel',
      label: 'Channel',
      datatype: 'select',
      values: opts(['email', 'portal', 'api', 'phone']),
      operators: [...EQ, ...LIST],
      defaultValue: 'email',
    },
    {
      name: 'organisation_id',
      label: 'Organisation',
      datatype: 'select',
      values: byId(organisations),
      operators: [...EQ, ...LIST, ...PRESENT],
      defaultValue: organisations[0]?.id ?? '',
    },
    {
      name: 'team_id',
      label: 'Team',
      datatype: 'select',
      values: byId(teams),
      operators: [...EQ, ...LIST, ...PRESENT],
      defaultValue: teams[0]?.id ?? '',
    },
    { name: 'tags', label: 'Tags', datatype: 'text', operators: CONTAINS, defaultValue: '' },
  ];
}

export const SLA_SUBJECT = {
  name: 'The policy',
  always: 'No rules: the policy applies to every case that no policy above it took.',
  jsonHelp: 'Over priority, channel, organisation_id, team_id and tags; true applies to every case',
};
