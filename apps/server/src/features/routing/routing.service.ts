import type { AssignmentMode, Availability, ShiftSchedule, SkillRule } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import type { StaffActor, SystemActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { notFound } from '../../infra/errors.ts';
import { updateCaseIn } from '../cases/index.ts';
import * as dq from './drain.queries.ts';
import * as q from './routing.queries.ts';
import { type Candidate, chooseAgent, isDifficult } from './routing.rules.ts';
import { onShift, scheduleOf } from './shifts.rules.ts';

const HOUR_MS = 3_600_000;
const SYSTEM = { kind: 'system' as const, id: null };

type Routed = { staff_id: string | null; explanation: string } | null;

async function candidatesIn(
  trx: Executor,
  workspaceId: string,
  teamId: string,
  now: Date,
  since: Date,
  defCap: number,
) {
  const members = await q.agentsWithLoad(trx, workspaceId, since, teamId);
  // Lock the online members (key order), then read their load again: it is now stable.
  const locked = await q.lockOnlineAgents(
    trx,
    members.filter((m) => m.availability === 'online').map((m) => m.staff_id),
  );
  const online = new Set(locked.map((l) => l.staff_id));
  const fresh = await q.agentsWithLoad(trx, workspaceId, since, teamId);
  const candidates: Candidate[] = fresh
    .filter((m) => online.has(m.staff_id))
    .map((m) => ({
      staff_id: m.staff_id,
      name: m.name,
      on_shift: onShift(scheduleOf(m), now),
      skills: m.skills,
      open: m.open_cases ?? 0,
      capacity: m.capacity ?? defCap,
      difficult: m.difficult ?? 0,
    }));
  return { candidates, teamSkills: [...new Set(fresh.flatMap((m) => m.skills))] };
}

/**
 * Routes an unassigned case of a team that assigns automatically: picks an agent as the rules say,
 * assigns through the cases feature as the system, and records why on the timeline (`case.routed`).
 * Safe to run concurrently and repeatedly: the team's routing row and the case are locked, and an
 * assigned case is left alone. A case that waits (`recordMiss: false`, the drain) gets no new
 * "left unassigned" event each time nobody can take it.
 */
export async function routeCase(
  deps: Deps,
  workspaceId: string,
  caseId: string,
  opts: { recordMiss?: boolean } = {},
): Promise<Routed> {
  const peek = await q.findCase(deps.db, workspaceId, caseId);
  // Most teams assign by hand: one read, no transaction. A team switched to automatic since then
  // routes only cases that reach it after the switch (mode_set_at, checked below), so none is missed.
  if (!peek?.team_id || peek.assignee_id || (peek.routing_mode ?? 'manual') === 'manual') return null;
  const teamId = peek.team_id;
  return deps.db.transaction().execute(async (trx) => {
    const team = await q.lockTeamRouting(trx, teamId);
    if (!team || team.mode === 'manual') return null;
    const c = await q.lockCase(trx, workspaceId, caseId);
    if (!c || c.team_id !== teamId || c.assignee_id || c.status === 'solved' || c.status === 'closed')
      return null;
    // Cases that reached the team before its routing was set stay with the people who had them.
    if (c.updated_at < team.mode_set_at) return null;
    const now = deps.clock.now();
    const since = new Date(now.getTime() - team.difficult_window_hours * HOUR_MS);
    const { candidates, teamSkills } = await candidatesIn(
      trx,
      workspaceId,
      teamId,
      now,
      since,
      team.default_capacity,
    );
    const choice = chooseAgent({
      mode: team.mode,
      candidates,
      case: c,
      teamSkills,
      skillRules: team.skill_rules as SkillRule[],
      lastAssignedId: team.last_assigned_staff_id,
      windowHours: team.difficult_window_hours,
    });
    const ctx = { workspaceId, actor: SYSTEM, at: now };
    if (!choice.staff_id) {
      const explanation = `left unassigned: ${choice.explanation}`;
      if (opts.recordMiss === false) return { staff_id: null, explanation };
      await emit(trx, ctx, [
        { type: 'case.routed', case_id: caseId, data: { assignee_id: null, explanation } },
      ]);
      return { staff_id: null, explanation };
    }
    const system: SystemActor = { kind: 'system', workspaceId };
    await updateCaseIn(deps, trx, system, caseId, { assignee_id: choice.staff_id });
    const difficult = isDifficult(c);
    await q.recordAssignment(trx, {
      workspace_id: workspaceId,
      case_id: caseId,
      team_id: teamId,
      staff_id: choice.staff_id,
      difficult,
      explanation: choice.explanation,
      created_at: now,
    });
    await q.setLastAssigned(trx, teamId, choice.staff_id);
    await emit(trx, ctx, [
      {
        type: 'case.routed',
        case_id: caseId,
        data: { assignee_id: choice.staff_id, difficult, explanation: choice.explanation },
      },
    ]);
    return { staff_id: choice.staff_id, explanation: choice.explanation };
  });
}

/** Going online queues a drain of the agent's teams: cases waiting for somebody reach them. */
export async function setAvailability(deps: Deps, actor: StaffActor, status: Availability) {
  await deps.db.transaction().execute(async (trx) => {
    await q.upsertAgentRouting(trx, {
      staff_id: actor.staffId,
      workspace_id: actor.workspaceId,
      availability: status,
      updated_at: deps.clock.now(),
    });
    if (status === 'online') await drainTeamsOf(trx, actor.workspaceId, [actor.staffId]);
  });
  return status;
}

/** Queues a drain of every automatically routing team of these agents. */
export async function drainTeamsOf(trx: Executor, workspaceId: string, staffIds: string[]) {
  const teams = await dq.autoTeamsOf(trx, workspaceId, staffIds);
  await dq.queueDrains(
    trx,
    workspaceId,
    teams.map((t) => t.team_id),
  );
}

export async function getAvailability(deps: Deps, actor: StaffActor): Promise<Availability> {
  return (await q.agentRouting(deps.db, actor.staffId))?.availability ?? 'offline';
}

const DEFAULT_TEAM = { mode: 'manual' as const, default_capacity: 10, difficult_window_hours: 24 };

export async function getTeamRouting(deps: Deps, actor: StaffActor, teamId: string) {
  if (!(await q.findTeam(deps.db, actor.workspaceId, teamId))) throw notFound('Team');
  const row = await q.teamRouting(deps.db, teamId);
  return {
    mode: row?.mode ?? DEFAULT_TEAM.mode,
    default_capacity: row?.default_capacity ?? DEFAULT_TEAM.default_capacity,
    difficult_window_hours: row?.difficult_window_hours ?? DEFAULT_TEAM.difficult_window_hours,
    skill_rules: (row?.skill_rules ?? []) as SkillRule[],
    team_id: teamId,
  };
}

export async function setTeamRouting(
  deps: Deps,
  actor: StaffActor,
  teamId: string,
  input: {
    mode: AssignmentMode;
    default_capacity?: number;
    difficult_window_hours?: number;
    skill_rules?: SkillRule[];
  },
) {
  if (!(await q.findTeam(deps.db, actor.workspaceId, teamId))) throw notFound('Team');
  const now = deps.clock.now();
  const before = await q.teamRouting(deps.db, teamId);
  await deps.db.transaction().execute(async (trx) => {
    await q.upsertTeamRouting(trx, {
      team_id: teamId,
      workspace_id: actor.workspaceId,
      ...input,
      // Only a new mode starts routing afresh; a new capacity or rule keeps the waiting cases.
      ...(before?.mode === input.mode ? {} : { mode_set_at: now }),
      updated_at: now,
    });
    if (input.mode !== 'manual') await dq.queueDrains(trx, actor.workspaceId, [teamId]);
  });
  return getTeamRouting(deps, actor, teamId);
}

async function agentView(db: Executor, workspaceId: string, now: Date, staffId?: string) {
  const since = new Date(now.getTime() - 24 * HOUR_MS);
  const rows = await q.agentsWithLoad(db, workspaceId, since);
  return rows
    .filter((r) => !staffId || r.staff_id === staffId)
    .map((r) => ({
      staff_id: r.staff_id,
      name: r.name,
      availability: r.availability,
      capacity: r.capacity,
      skills: r.skills,
      schedule: scheduleOf(r),
      on_shift: onShift(scheduleOf(r), now),
      open_cases: r.open_cases ?? 0,
      difficult_today: r.difficult ?? 0,
    }));
}

export async function setAgentRouting(
  deps: Deps,
  actor: StaffActor,
  staffId: string,
  input: { capacity?: number | null; skills?: string[]; schedule?: ShiftSchedule | null },
) {
  if (!(await q.findStaff(deps.db, actor.workspaceId, staffId))) throw notFound('Staff member');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.upsertAgentRouting(trx, {
      staff_id: staffId,
      workspace_id: actor.workspaceId,
      ...input,
      ...(input.skills ? { skills: [...new Set(input.skills)].sort() } : {}),
      updated_at: now,
    });
    // More room or a shift that starts now: cases waiting in their teams may reach them.
    await drainTeamsOf(trx, actor.workspaceId, [staffId]);
  });
  const [view] = await agentView(deps.db, actor.workspaceId, now, staffId);
  if (!view) throw notFound('Staff member');
  return view;
}

export async function routingOverview(deps: Deps, actor: StaffActor) {
  const [teams, agents] = await Promise.all([
    q.teamsWithRouting(deps.db, actor.workspaceId),
    agentView(deps.db, actor.workspaceId, deps.clock.now()),
  ]);
  return { teams: teams.map((t) => ({ ...t, skill_rules: t.skill_rules as SkillRule[] })), agents };
}
