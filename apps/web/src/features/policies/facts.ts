// The facts the demo policies (and most real ones) read, and how a form's answers become `facts`.

export type Tri = 'unknown' | 'yes' | 'no';
export type FreeFact = { key: string; value: string };
export type FactsState = {
  flags: Record<string, Tri>;
  days: string;
  free: FreeFact[];
};

export const BOOLEAN_FACTS = [
  { name: 'faulty', label: 'The item is faulty' },
  { name: 'distance_sale', label: 'Bought at a distance (online, phone)' },
  { name: 'subject_is_requester', label: 'The data is about the person asking' },
  { name: 'safety_equipment_modification', label: 'About repairing or modifying safety equipment' },
  { name: 'linked_to_review', label: 'Linked to changing or removing a review' },
] as const;

export const DAYS_FACT = 'days_since_delivery';

/** Every fact name the console knows a meaning for, for the condition builder too. */
export const KNOWN_FACTS = [...BOOLEAN_FACTS.map((f) => f.name), DAYS_FACT] as string[];

export const emptyFacts = (): FactsState => ({
  flags: Object.fromEntries(BOOLEAN_FACTS.map((f) => [f.name, 'unknown' as Tri])),
  days: '',
  free: [],
});

/** "true"/"false" become booleans, numbers numbers, "null" null; anything else stays text. */
export function typedValue(raw: string): string | number | boolean | null {
  const v = raw.trim();
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v === 'null') return null;
  if (v !== '' && Number.isFinite(Number(v))) return Number(v);
  return v;
}

export function factsOf(s: FactsState): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [name, v] of Object.entries(s.flags)) if (v !== 'unknown') out[name] = v === 'yes';
  if (s.days.trim() !== '') out[DAYS_FACT] = Number(s.days);
  for (const f of s.free) if (f.key.trim()) out[f.key.trim()] = typedValue(f.value);
  return out;
}

/** A fact's value as a person reads it. */
export function factText(v: unknown): string {
  if (v === true) return 'yes';
  if (v === false) return 'no';
  if (v === null || v === undefined) return 'unknown';
  return String(v);
}
