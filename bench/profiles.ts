// Benchmark profiles: dataset size and how long each measured run lasts. The same connection counts
// run in every profile, so a smoke run exercises exactly the code paths of a full one.

export type ProfileName = 'smoke' | 'quick' | 'full';

export type Profile = {
  name: ProfileName;
  cases: number;
  /** Messages are about three per case; this is the target the seed aims at, not an exact count. */
  messages: number;
  customers: number;
  staff: number;
  /** Seconds per measured run, and of the warm-up before each scenario. */
  durationS: number;
  warmupS: number;
  /** Cases inserted per statement: large enough to amortise, small enough to keep memory flat. */
  batch: number;
};

export const CONNECTIONS = [1, 16, 64] as const;

const common = { customers: 2_000, staff: 20 };

export const PROFILES: Record<ProfileName, Profile> = {
  smoke: {
    name: 'smoke',
    cases: 2_000,
    messages: 6_000,
    ...common,
    durationS: 0.5,
    warmupS: 0.2,
    batch: 2_000,
  },
  quick: {
    name: 'quick',
    cases: 100_000,
    messages: 300_000,
    ...common,
    durationS: 5,
    warmupS: 1,
    batch: 10_000,
  },
  full: {
    name: 'full',
    cases: 1_000_000,
    messages: 3_000_000,
    ...common,
    durationS: 10,
    warmupS: 2,
    batch: 25_000,
  },
};

export function profileNamed(name: string): Profile {
  if (name in PROFILES) return PROFILES[name as ProfileName];
  throw new Error(`--profile must be one of ${Object.keys(PROFILES).join(', ')} (got ${name})`);
}
