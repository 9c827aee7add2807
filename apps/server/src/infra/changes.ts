/** Only the fields whose value really changes, as [before, after] pairs for the audit trail. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  patch: Partial<T>,
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [key, after] of Object.entries(patch)) {
    if (after === undefined) continue;
    const prev = before[key];
    if (JSON.stringify(prev) !== JSON.stringify(after)) out[key] = [prev, after];
  }
  return out;
}
