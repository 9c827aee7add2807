import type { Authority, StaffRole } from '@fairdesk/contract';
import { isoTime, isoTimeOrNull } from '../../infra/iso-time.ts';
import type { VersionRow } from './policies.queries.ts';

export function presentVersion(v: VersionRow) {
  return {
    id: v.id,
    policy_id: v.policy_id,
    version: v.version,
    status: v.status,
    name: v.name,
    layer: v.layer,
    strength: v.strength,
    kinds: v.kinds,
    condition: v.condition,
    effect: v.effect,
    authority: (v.authority ?? null) as Authority | null,
    citation: v.citation,
    explanation: v.explanation,
    alternatives: v.alternatives,
    enabled: v.enabled,
    effective_from: isoTimeOrNull(v.effective_from),
    published_at: isoTimeOrNull(v.published_at),
    created_at: isoTime(v.created_at),
  };
}

type PolicyRow = { id: string; latest_version: number; created_at: Date; updated_at: Date };

/** Which of a policy's versions is in force at `now`, which is scheduled, and the open draft. */
export function keyVersions(versions: VersionRow[], now: Date) {
  const published = versions
    .filter((v) => v.status === 'published' && v.effective_from)
    .sort((a, b) => b.effective_from!.getTime() - a.effective_from!.getTime() || b.version - a.version);
  const inForce = published.find((v) => v.effective_from!.getTime() <= now.getTime()) ?? null;
  const scheduled = published.filter((v) => v.effective_from!.getTime() > now.getTime()).at(-1) ?? null;
  const draft = versions.filter((v) => v.status === 'draft').sort((a, b) => b.version - a.version)[0] ?? null;
  return { inForce, scheduled, draft };
}

export function presentPolicy(p: PolicyRow, versions: VersionRow[], now: Date, role: StaffRole) {
  const { inForce, scheduled, draft } = keyVersions(versions, now);
  const latest = versions.reduce<VersionRow | null>((a, v) => (!a || v.version > a.version ? v : a), null);
  return {
    id: p.id,
    name: latest?.name ?? '',
    latest_version: p.latest_version,
    in_force: inForce ? presentVersion(inForce) : null,
    scheduled: scheduled ? presentVersion(scheduled) : null,
    draft: draft ? presentVersion(draft) : null,
    created_at: isoTime(p.created_at),
    updated_at: isoTime(p.updated_at),
    can: { edit: role === 'admin', publish: role === 'admin' && draft !== null },
  };
}
