import type { Field, RuleGroupType, RuleType } from 'react-querybuilder';
import { defaultRuleProcessorJsonLogic, formatQuery } from 'react-querybuilder/formatQuery';
import { parseJsonLogic } from 'react-querybuilder/parseJsonLogic';
import { BOOLEAN_FACTS, DAYS_FACT, typedValue } from './facts.ts';
import { KIND_LABEL, KINDS } from './words.ts';

// Policy conditions are JSONLogic over { request, customer, case }. The builder edits them through
// react-querybuilder's query shape; these functions convert both ways and say when a stored
// condition uses JSONLogic the builder cannot show, so that it is never silently rewritten.

export type Datatype = 'boolean' | 'number' | 'select' | 'text';

const op = (name: string, label: string, arity?: 'unary') => ({ name, label, value: name, arity });
// Operator sets, exported so that other conditions (SLA policies, automations) define their fields alike.
export const EQ = [op('=', 'is'), op('!=', 'is not')];
export const LIST = [op('in', 'is one of'), op('notIn', 'is none of')];
export const COMPARE = [
  op('<', '<'),
  op('<=', '≤'),
  op('>', '>'),
  op('>=', '≥'),
  op('between', 'is between'),
];
export const KNOWN = [op('known', 'is known', 'unary'), op('unknown', 'is not known', 'unary')];
export const PRESENT = [op('notNull', 'is given', 'unary'), op('null', 'is not given', 'unary')];
export const FLAG = [op('=', 'is'), op('falsy', 'is no or not known', 'unary'), ...KNOWN];
/** Operators for a list field such as tags: JSONLogic `in` with the value first. */
export const CONTAINS = [op('contains', 'contains'), op('doesNotContain', 'does not contain')];

export const opts = (values: string[], label: (v: string) => string = (v) => v) =>
  values.map((v) => ({ name: v, value: v, label: label(v) }));

export type FieldDef = Field & { datatype: Datatype };

const fact = (name: string, label: string, datatype: Datatype): FieldDef => ({
  name: `request.facts.${name}`,
  label: `Fact: ${label}`,
  datatype,
  operators:
    datatype === 'boolean' ? FLAG : datatype === 'number' ? [...EQ, ...COMPARE, ...KNOWN] : [...EQ, ...KNOWN],
  defaultValue: datatype === 'boolean' ? true : '',
});

/** The fields a condition may read (the engine's input), with the operators that make sense for each. */
export const BASE_FIELDS: FieldDef[] = [
  {
    name: 'request.kind',
    label: 'Request: kind',
    datatype: 'select',
    values: opts(KINDS, (k) => KIND_LABEL[k as keyof typeof KIND_LABEL]),
    operators: [...EQ, ...LIST],
    defaultValue: 'refund',
  },
  {
    name: 'request.amount',
    label: 'Request: amount (minor units, 15000 = 150.00)',
    datatype: 'number',
    operators: [...EQ, ...COMPARE, ...PRESENT],
  },
  ...BOOLEAN_FACTS.map((f) => fact(f.name, f.name, 'boolean')),
  fact(DAYS_FACT, DAYS_FACT, 'number'),
  {
    name: 'customer.tenure_days',
    label: 'Customer: tenure (days)',
    datatype: 'number',
    operators: [...EQ, ...COMPARE],
  },
  {
    name: 'customer.lifetime_value',
    label: 'Customer: lifetime value (minor units)',
    datatype: 'number',
    operators: [...EQ, ...COMPARE, ...PRESENT],
  },
  {
    name: 'customer.segment',
    label: 'Customer: segment',
    datatype: 'select',
    values: opts(['individual', 'organisation']),
    operators: [...EQ, ...LIST],
    defaultValue: 'individual',
  },
  {
    name: 'case.priority',
    label: 'Case: priority',
    datatype: 'select',
    values: opts(['low', 'normal', 'high', 'urgent']),
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
];

/** The fields plus any other facts the condition reads (their values are typed as written). */
export function fieldsFor(extraFacts: string[]): FieldDef[] {
  const known = new Set(BASE_FIELDS.map((f) => f.name));
  const extra = extraFacts.filter((n) => !known.has(`request.facts.${n}`)).map((n) => fact(n, n, 'text'));
  return [...BASE_FIELDS, ...extra];
}

/** The fact names a condition reads. */
export function factsIn(rule: unknown, out = new Set<string>()): string[] {
  if (Array.isArray(rule)) for (const r of rule) factsIn(r, out);
  else if (rule && typeof rule === 'object')
    for (const [k, v] of Object.entries(rule)) {
      const names = k === 'var' ? [v] : k === 'missing' && Array.isArray(v) ? v : [];
      for (const n of names)
        if (typeof n === 'string' && n.startsWith('request.facts.'))
          out.add(n.slice('request.facts.'.length));
      factsIn(v, out);
    }
  return [...out];
}

// Unary tests the builder has no built-in operator for, rewritten to placeholders before parsing.
const isVar = (v: unknown): v is { var: string } =>
  !!v && typeof v === 'object' && typeof (v as { var?: unknown }).var === 'string';
const one = (v: unknown): [string, unknown] | null => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const e = Object.entries(v);
  return e.length === 1 ? (e[0] as [string, unknown]) : null;
};
const missingOf = (v: unknown): string | null =>
  Array.isArray(v) && v.length === 1 && typeof v[0] === 'string' ? v[0] : null;

function placeholders(rule: unknown): unknown {
  if (Array.isArray(rule)) return rule.map(placeholders);
  const e = one(rule);
  if (!e) return rule;
  const [k, v] = e;
  const inner = one(v);
  if (k === '!' && inner?.[0] === 'missing' && missingOf(inner[1])) return { rqb_known: missingOf(inner[1]) };
  if (k === 'missing' && missingOf(v)) return { rqb_unknown: missingOf(v) };
  if (k === '!' && isVar(v)) return { rqb_falsy: v.var };
  return { [k]: placeholders(v) };
}

const unary = (operator: string) => (field: unknown) =>
  typeof field === 'string' ? ({ field, operator, value: '' } satisfies RuleType) : false;

/** A stored condition as the builder's query; `exact` is false when the builder would change it. */
export function toQuery(condition: unknown): { query: RuleGroupType; exact: boolean } {
  const query = parseJsonLogic(placeholders(condition) as never, {
    listsAsArrays: true,
    jsonLogicOperations: {
      rqb_known: unary('known'),
      rqb_unknown: unary('unknown'),
      rqb_falsy: unary('falsy'),
    },
  });
  return { query, exact: same(toCondition(query), condition) };
}

const BASE_NAMES = new Set(BASE_FIELDS.map((f) => f.name));

function ruleProcessor(raw: RuleType, options?: Parameters<typeof defaultRuleProcessorJsonLogic>[1]) {
  // Other facts are typed in as text: "true", "12" and "null" mean the boolean, number and null.
  const other = raw.field.startsWith('request.facts.') && !BASE_NAMES.has(raw.field);
  const rule = other && typeof raw.value === 'string' ? { ...raw, value: typedValue(raw.value) } : raw;
  const v = { var: rule.field };
  switch (rule.operator) {
    case 'known':
      return { '!': { missing: [rule.field] } };
    case 'unknown':
      return { missing: [rule.field] };
    case 'falsy':
      return { '!': v };
    case '=':
      if (typeof rule.value === 'boolean') return { '===': [v, rule.value] };
      break;
    case '!=':
      if (typeof rule.value === 'boolean') return { '!==': [v, rule.value] };
      break;
  }
  return defaultRuleProcessorJsonLogic(rule, options);
}

/** The builder's query as the JSONLogic the server stores; no rules means "always applies". */
export function toCondition(query: RuleGroupType): unknown {
  if (query.rules.length === 0) return !query.not;
  const out = formatQuery(query, { format: 'jsonlogic', parseNumbers: true, ruleProcessor });
  const e = one(out);
  // One rule in the outer group needs no "and" around it.
  if (e && (e[0] === 'and' || e[0] === 'or') && Array.isArray(e[1]) && e[1].length === 1) return e[1][0];
  return out;
}

/** Whether two conditions mean the same, up to == / === and a group of one. */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(rule: unknown): unknown {
  if (Array.isArray(rule)) return rule.map(canonical);
  const e = one(rule);
  if (!e) return rule;
  const [k, v] = e;
  if ((k === 'and' || k === 'or') && Array.isArray(v) && v.length === 1) return canonical(v[0]);
  const key = k === '===' ? '==' : k === '!==' ? '!=' : k;
  return { [key]: canonical(v) };
}

const UNARY = new Set(['known', 'unknown', 'falsy', 'null', 'notNull']);

/** Rules still missing a value; the builder does not save them half-written. */
export function incompleteRules(group: RuleGroupType): number {
  let n = 0;
  for (const r of group.rules) {
    if (typeof r === 'string') continue;
    if ('rules' in r) n += incompleteRules(r);
    else if (!UNARY.has(r.operator) && !hasValue(r.value)) n += 1;
  }
  return n;
}

const hasValue = (v: unknown): boolean =>
  Array.isArray(v) ? v.length > 0 && v.every(hasValue) : v !== '' && v !== null && v !== undefined;
