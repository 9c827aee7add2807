type Mergeable = {
  name: string;
  email: string;
  phone: string | null;
  notes: string;
  organisation_id: string | null;
};

/**
 * What the surviving customer takes from the duplicate: its notes appended under a line saying
 * where they came from, and its phone and organisation where the survivor has none. The
 * survivor's own name, address, language, phone and organisation always win.
 */
export function mergedFields(
  target: Mergeable,
  source: Mergeable,
): { notes?: string; phone?: string; organisation_id?: string } {
  const out: { notes?: string; phone?: string; organisation_id?: string } = {};
  const sourceNotes = source.notes.trim();
  if (sourceNotes) {
    const heading = `Merged from ${source.name} <${source.email}>:`;
    out.notes = target.notes.trim()
      ? `${target.notes.trimEnd()}\n\n${heading}\n${sourceNotes}`
      : `${heading}\n${sourceNotes}`;
  }
  if (!target.phone && source.phone) out.phone = source.phone;
  if (!target.organisation_id && source.organisation_id) out.organisation_id = source.organisation_id;
  return out;
}
