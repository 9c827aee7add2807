import type { RuleGroupType, RuleType } from 'react-querybuilder';
import type { fieldsFor } from './condition.ts';

type Field = ReturnType<typeof fieldsFor>[number];
type Named = { name: string; label: string };

const show = (v: unknown, field: Field | undefined): string => {
  if (Array.isArray(v)) return v.map((x) => show(x, field)).join(', ');
  if (v === true) return 'yes';
  if (v === false) return 'no';
  const option = (field?.values as Named[] | undefined)?.find((o) => o.name === v);
  return option ? option.label : String(v);
};

function rule(r: RuleType, fields: Field[]): string {
  const field = fields.find((f) => f.name === r.field);
  const label = (field?.label ?? r.field).replace(/^[^:]+: /, '');
  const op =
    (field?.operators as Named[] | undefined)?.find((o) => o.name === r.operator)?.label ?? r.operator;
  if (['known', 'unknown', 'falsy', 'null', 'notNull'].includes(r.operator)) return `${label} ${op}`;
  if (r.operator === 'between') {
    const [a, b] = Array.isArray(r.value) ? r.value : String(r.value).split(',');
    return `${label} is between ${a} and ${b}`;
  }
  return `${label} ${op} ${show(r.value, field)}`;
}

/** A condition in words: "faulty is yes and days_since_delivery ≤ 30". */
export function describeQuery(q: RuleGroupType, fields: Field[], nested = false): string {
  if (q.rules.length === 0) return q.not ? 'never' : 'always';
  const parts = q.rules
    .filter((r): r is RuleType | RuleGroupType => typeof r !== 'string')
    .map((r) => ('rules' in r ? describeQuery(r, fields, true) : rule(r, fields)));
  const text = parts.join(` ${q.combinator} `);
  const wrapped = nested && parts.length > 1 ? `(${text})` : text;
  return q.not ? `not ${parts.length > 1 && !nested ? `(${wrapped})` : wrapped}` : wrapped;
}
