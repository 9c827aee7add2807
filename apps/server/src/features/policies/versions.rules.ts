import type { PolicyCreate, PolicyStrength, PolicyUpdate } from '@fairdesk/contract';

/** JSONLogic operations a stored condition may use ("log" prints, so it is not among them). */
const OPERATIONS = new Set([
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'map',
  'filter',
  'reduce',
  'all',
  'none',
  'some',
  'merge',
  'in',
  'cat',
  'substr',
]);

/** Problems with a JSONLogic condition: unknown operations, or objects that are not one operation. */
export function conditionProblems(rule: unknown, path = 'condition', depth = 0): string[] {
  if (depth > 30) return [`${path}: nested too deeply`];
  if (Array.isArray(rule)) return rule.flatMap((r, i) => conditionProblems(r, `${path}[${i}]`, depth + 1));
  if (rule === null || typeof rule !== 'object') return [];
  const keys = Object.keys(rule);
  if (keys.length !== 1) return [`${path}: an operation is an object with exactly one key`];
  const op = keys[0]!;
  if (!OPERATIONS.has(op)) return [`${path}: unknown operation "${op}"`];
  return conditionProblems((rule as Record<string, unknown>)[op], `${path}.${op}`, depth + 1);
}

/** The fields of one version, as stored. */
export type VersionFields = Omit<PolicyCreate, 'strength'> & { strength: PolicyStrength };

/** Law, professional and moral rules are always hard; organisational ones are flexible unless said. */
export const defaultStrength = (layer: PolicyCreate['layer']): PolicyStrength =>
  layer === 'organisational' ? 'flexible' : 'hard';

/** A new draft's fields: the base version with the edit laid over it. */
export function mergeEdit(base: VersionFields, edit: PolicyUpdate): VersionFields {
  const merged = { ...base, ...edit } as VersionFields;
  if (edit.layer && !edit.strength) merged.strength = defaultStrength(edit.layer);
  return merged;
}

/** Everything wrong with a version, in words an admin can act on; empty when it is sound. */
export function versionProblems(v: VersionFields): string[] {
  const problems: string[] = [];
  if (v.layer !== 'organisational' && v.strength !== 'hard')
    problems.push(`A ${v.layer} policy is always hard: nobody can bend it`);
  if (v.effect === 'entitle' && v.layer === 'organisational')
    problems.push('Only law, professional and moral rules entitle; an organisational policy allows');
  if (v.effect === 'allow_with_authority' && !v.authority)
    problems.push('allow_with_authority needs an authority ladder (role -> limit)');
  if (
    v.authority &&
    v.effect !== 'allow_with_authority' &&
    !(v.effect === 'forbid' && v.strength === 'flexible')
  )
    problems.push('Only allow_with_authority and flexible forbid policies carry an authority ladder');
  if ((v.effect === 'forbid' || v.effect === 'allow_with_authority') && v.alternatives.length === 0)
    problems.push('A policy that can refuse must offer at least one alternative');
  problems.push(...conditionProblems(v.condition));
  return problems;
}
