import type { CaseStatus } from '@fairdesk/contract';
import jsonLogic from 'json-logic-js';
import { type CaseFacts, pickPolicy } from './sla.rules.ts';

/** What an SLA condition may read: the facts pickPolicy evaluates it with. */
export const SLA_FIELDS = ['priority', 'channel', 'organisation_id', 'tags', 'team_id'] as const;

/** JSONLogic operations a stored condition may use ("log" prints, so it is not among them). */
const OPERATIONS = new Set(
  [
    'var missing missing_some if ?: == === != !== ! !! or and > >= < <= max min + - * / %',
    'map filter reduce all none some merge in cat substr',
  ]
    .join(' ')
    .split(' '),
);
/** Array operations whose later arguments read the current item (`var: ""`), not the case. */
const ITERATORS = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

const fieldOf = (name: unknown) => (typeof name === 'string' ? name.split('.')[0] : name);

function varProblems(arg: unknown, path: string): string[] {
  const name = Array.isArray(arg) ? arg[0] : arg;
  if (typeof name !== 'string') return [`${path}: a field name is text`];
  const field = fieldOf(name);
  return (SLA_FIELDS as readonly string[]).includes(field as string)
    ? []
    : [`${path}: unknown field "${name}" (use ${SLA_FIELDS.join(', ')})`];
}

/** Problems with a condition: unknown operations or fields, objects that are not one operation. */
export function slaConditionProblems(
  rule: unknown,
  path = 'conditions',
  depth = 0,
  inItem = false,
): string[] {
  if (depth > 30) return [`${path}: nested too deeply`];
  if (Array.isArray(rule))
    return rule.flatMap((r, i) => slaConditionProblems(r, `${path}[${i}]`, depth + 1, inItem));
  if (rule === null || typeof rule !== 'object') return [];
  const keys = Object.keys(rule);
  // {} at the top matches every case, as pickPolicy reads it.
  if (keys.length === 0 && depth === 0) return [];
  if (keys.length !== 1) return [`${path}: an operation is an object with exactly one key`];
  const op = keys[0] as string;
  const arg = (rule as Record<string, unknown>)[op];
  if (!OPERATIONS.has(op)) return [`${path}: unknown operation "${op}"`];
  if (op === 'var') return inItem ? [] : varProblems(arg, `${path}.var`);
  if (op === 'missing' || op === 'missing_some') {
    const names = op === 'missing' ? arg : Array.isArray(arg) ? arg[1] : null;
    const list = Array.isArray(names) ? names : [names];
    return list.flatMap((n) => varProblems(n, `${path}.${op}`));
  }
  if (ITERATORS.has(op) && Array.isArray(arg)) {
    const [source, ...rest] = arg;
    return [
      ...slaConditionProblems(source, `${path}.${op}[0]`, depth + 1, inItem),
      ...rest.flatMap((r, i) => slaConditionProblems(r, `${path}.${op}[${i + 1}]`, depth + 1, true)),
    ];
  }
  return slaConditionProblems(arg, `${path}.${op}`, depth + 1, inItem);
}

const SAMPLE: CaseFacts = {
  priority: 'normal',
  channel: 'email',
  organisation_id: null,
  team_id: null,
  tags: ['sample'],
};

/** Whether the condition evaluates without throwing on a plain case (it is run on every recompute). */
export function evaluates(conditions: unknown): boolean {
  try {
    pickPolicy([{ conditions } as never], SAMPLE);
    jsonLogic.apply(conditions as jsonLogic.RulesLogic, { ...SAMPLE, tags: [] });
    return true;
  } catch {
    return false;
  }
}

/** Solved and closed always stop the clock; pausing on them says nothing, so they are refused. */
export const STOPPING: CaseStatus[] = ['solved', 'closed'];
export const pauseProblems = (statuses: CaseStatus[]) =>
  statuses
    .filter((s) => STOPPING.includes(s))
    .map((s) => `${s} always stops the clock; pause on new, open, pending or on hold`);

/** The ids in their new order when `ids` is a permutation of `current`; null otherwise. */
export function reorder(current: string[], ids: string[]): string[] | null {
  if (ids.length !== current.length || new Set(ids).size !== ids.length) return null;
  const known = new Set(current);
  return ids.every((id) => known.has(id)) ? ids : null;
}
