import { SKIP_REASON } from './words.ts';

type RunData = {
  rule_name?: string;
  done?: string[];
  skipped?: { summary?: string; reason?: string }[];
  error?: string;
};

/** An `automation.ran` timeline event in words: the rule, what it did, what it passed over and why. */
export function describeAutomationRun(data: Record<string, unknown>): string {
  const d = data as RunData;
  const head = `ran the automation “${d.rule_name ?? 'a rule'}”`;
  if (d.error) return `${head}, which failed: ${d.error}`;
  const done = d.done ?? [];
  const skipped = (d.skipped ?? []).map(
    (s) => `${s.summary ?? 'an action'} (${SKIP_REASON[s.reason ?? ''] ?? s.reason ?? 'skipped'})`,
  );
  const parts = [done.length ? done.join(', ') : 'nothing to change'];
  if (skipped.length) parts.push(`not: ${skipped.join(', ')}`);
  return `${head}: ${parts.join('; ')}`;
}
