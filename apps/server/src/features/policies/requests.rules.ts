import type { Authority, DecisionBasis, DecisionOutcome, RequestKind, StaffRole } from '@fairdesk/contract';
import { holdsRole } from './authority.rules.ts';
import type { EngineDecision, EngineInput, EnginePolicy } from './policies.rules.ts';

const DAY = 86_400_000;

export type AuthorisationState = 'pending' | 'approved' | 'denied' | 'expired' | 'used';

/** An ask lapses when nobody answers in time; an approval lapses when it is not used in time. */
export function authorisationState(
  a: { status: 'pending' | 'approved' | 'denied'; expires_at: Date; used_at: Date | null },
  now: Date,
): AuthorisationState {
  if (a.status === 'denied') return 'denied';
  if (a.status === 'approved' && a.used_at) return 'used';
  if (now.getTime() >= a.expires_at.getTime()) return 'expired';
  return a.status;
}

export const expiresAt = (from: Date, ttlDays: number) => new Date(from.getTime() + ttlDays * DAY);

/** What the engine reads of the customer and the case, snapshotted when the request is recorded. */
export function requestContext(
  c: {
    priority: string;
    channel: string;
    tags: string[];
    organisation_id: string | null;
    customer_since: Date;
  },
  now: Date,
): Omit<EngineInput, 'request'> {
  return {
    // Lifetime value arrives with customer economics; until then conditions see null.
    customer: {
      tenure_days: Math.max(0, Math.floor((now.getTime() - c.customer_since.getTime()) / DAY)),
      lifetime_value: null,
      segment: c.organisation_id ? 'organisation' : 'individual',
    },
    case: { priority: c.priority, channel: c.channel, tags: c.tags },
  };
}

export function engineInput(r: {
  kind: RequestKind;
  amount: number | null;
  currency: string | null;
  facts: unknown;
  description: string;
  context: unknown;
}): EngineInput {
  const ctx = r.context as Omit<EngineInput, 'request'>;
  return {
    request: {
      kind: r.kind,
      amount: r.amount,
      currency: r.currency,
      facts: (r.facts ?? {}) as Record<string, unknown>,
      description: r.description,
    },
    customer: ctx.customer,
    case: ctx.case,
  };
}

export function toEnginePolicy(v: {
  id: string;
  policy_id: string;
  version: number;
  name: string;
  layer: EnginePolicy['layer'];
  strength: EnginePolicy['strength'];
  kinds: RequestKind[];
  condition: unknown;
  effect: EnginePolicy['effect'];
  authority: unknown;
  citation: string;
  explanation: string;
  alternatives: string[];
  enabled: boolean;
}): EnginePolicy {
  return { ...v, version_id: v.id, authority: (v.authority ?? null) as Authority | null };
}

type CurrentDecision = {
  outcome: DecisionOutcome;
  basis: DecisionBasis;
  hard: boolean;
  required_role: StaffRole | null;
};

/** Whether a decision waits for someone with authority (to approve, or to bend a flexible refusal). */
export const awaitsAuthority = (d: CurrentDecision) =>
  !d.hard &&
  d.required_role !== null &&
  (d.outcome === 'needs_authorisation' || (d.outcome === 'refused' && d.basis === 'flexible_forbid'));

export type AuthorityCheck = 'ok' | 'hard' | 'over_limit' | 'not_awaiting';

/**
 * Whether `role` may decide an exception on the current decision. Ladders are re-read from the very
 * versions the decision used (`recheck` is the engine run again with this role as the decider).
 */
export function authorityCheck(
  d: CurrentDecision,
  recheck: EngineDecision | null,
  role: StaffRole,
): AuthorityCheck {
  if (d.hard) return 'hard';
  if (d.outcome === 'refused' && d.basis === 'beyond_authority') return 'over_limit';
  if (!awaitsAuthority(d)) return 'not_awaiting';
  if (d.basis === 'needs_authority') return recheck?.outcome === 'granted' ? 'ok' : 'over_limit';
  return holdsRole(role, d.required_role!) ? 'ok' : 'over_limit';
}

/** The actions the UI may offer on a request; the server checks the same rules on every write. */
export function requestAbilities(
  d: CurrentDecision,
  latest: AuthorisationState | null,
  role: StaffRole,
): { communicate: boolean; ask_authorisation: boolean; approve: boolean; deny: boolean } {
  const lapsedGrant = d.basis === 'authorised_exception' && latest === 'expired';
  const waiting = awaitsAuthority(d);
  const askLive = latest === 'pending';
  const mayDecide = waiting && (askLive || d.outcome === 'refused') && holdsRole(role, d.required_role!);
  return {
    communicate: !lapsedGrant,
    ask_authorisation: lapsedGrant || (waiting && !askLive),
    approve: mayDecide,
    deny: mayDecide && d.outcome === 'needs_authorisation',
  };
}

/**
 * The words the decision message puts around the agent's own, per language (the languages the
 * built-in email texts have). The message is a public reply on the case and, by email, the heart
 * of the decision_made mail, so it speaks the customer's language as the mail around it does.
 */
const DECISION_WORDS = {
  en: {
    reviewing:
      'A colleague with the authority to decide is reviewing your request; we will tell you the outcome.',
    conditions: 'This comes with conditions:',
    alternatives: 'What we can offer instead:',
    restsOn: 'This rests on:',
  },
  de: {
    reviewing:
      'Eine Kollegin oder ein Kollege mit der nötigen Befugnis prüft Ihre Anfrage; wir teilen Ihnen das Ergebnis mit.',
    conditions: 'Dafür gelten diese Bedingungen:',
    alternatives: 'Was wir Ihnen stattdessen anbieten können:',
    restsOn: 'Grundlage:',
  },
} as const;

/** Whether the decision message can be written in this language (primary subtag). */
export const hasDecisionWords = (language: string): boolean => Object.hasOwn(DECISION_WORDS, language);

/** The public message that tells the customer the decision, in plain words, in their language. */
export function composeMessage(m: {
  outcome: DecisionOutcome;
  explanation: string;
  alternatives: string[];
  conditions: string[];
  citations: { name: string; citation: string }[];
  language?: string;
}): string {
  const language = m.language ?? 'en';
  const words = hasDecisionWords(language)
    ? DECISION_WORDS[language as keyof typeof DECISION_WORDS]
    : DECISION_WORDS.en;
  const parts = [m.explanation.trim()];
  if (m.outcome === 'needs_authorisation') parts.push(words.reviewing);
  if (m.conditions.length > 0)
    parts.push(`${words.conditions}\n${m.conditions.map((c) => `- ${c}`).join('\n')}`);
  if (m.alternatives.length > 0)
    parts.push(`${words.alternatives}\n${m.alternatives.map((a) => `- ${a}`).join('\n')}`);
  if (m.citations.length > 0)
    parts.push(`${words.restsOn} ${m.citations.map((c) => `${c.name} (${c.citation})`).join('; ')}.`);
  return parts.filter(Boolean).join('\n\n');
}

/** A refusal goes out only with plain words and at least one alternative. */
export const refusalIsComplete = (explanation: string, alternatives: string[]) =>
  explanation.trim().length > 0 && alternatives.some((a) => a.trim().length > 0);

export type Cursor = { at: string; id: string };

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');

export function decodeCursor(raw: string): Cursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [at, id] = v;
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return null;
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    return { at, id };
  } catch {
    return null;
  }
}
