import type { SkillRule } from '@fairdesk/contract';

/** A skill a case needs, and why (null: a tag on the case names the skill itself). */
export type SkillNeed = { skill: string; because: string | null };

const primary = (language: string) => language.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The skills a case needs: its tags that name a skill somebody in the team has, plus what the
 * team's rules give it for a tag or for the customer's language ("es" also matches "es-MX").
 */
export function requiredSkills(
  c: { tags: string[]; language?: string | null },
  teamSkills: string[],
  rules: SkillRule[] = [],
): SkillNeed[] {
  const needs = new Map<string, string | null>();
  for (const tag of c.tags) if (teamSkills.includes(tag)) needs.set(tag, null);
  for (const r of rules) {
    const hit =
      r.when === 'tag'
        ? c.tags.includes(r.value)
        : !!c.language && (c.language.toLowerCase() === r.value || primary(c.language) === r.value);
    if (hit && !needs.has(r.skill))
      needs.set(r.skill, r.when === 'tag' ? `tagged ${r.value}` : `customer language ${r.value}`);
  }
  return [...needs]
    .map(([skill, because]) => ({ skill, because }))
    .sort((a, b) => a.skill.localeCompare(b.skill));
}

/** "spanish (customer language es) and tents". */
export const describeNeeds = (needs: SkillNeed[]) =>
  needs.map((n) => (n.because ? `${n.skill} (${n.because})` : n.skill)).join(' and ');
