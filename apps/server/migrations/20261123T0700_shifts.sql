-- Shift schedules for agents, skill rules for teams, and routing of cases that wait for an agent.

-- An agent's weekly shifts: [{ "day": 0-6, "start": "HH:MM", "end": "HH:MM" }] in shift_time_zone
-- (the business-hours representation; an end at or before the start runs past midnight).
-- null: no schedule, the agent is on shift whenever they are online.
alter table agent_routing
  add column schedule jsonb,
  add column shift_time_zone text,
  add constraint agent_routing_schedule_zone check ((schedule is null) = (shift_time_zone is null));

-- How a team's cases get required skills beyond tags that name a skill:
-- [{ "when": "tag" | "language", "value": "...", "skill": "..." }].
alter table team_routing add column skill_rules jsonb not null default '[]';
-- When the assignment mode was last set: cases that reached the team before stay with whoever
-- had them. updated_at moves with any setting; this only with the mode.
alter table team_routing add column mode_set_at timestamptz;
update team_routing set mode_set_at = updated_at;
alter table team_routing alter column mode_set_at set not null, alter column mode_set_at set default now();

-- Cases waiting for an agent, per team, for the drain and the sweep.
create index cases_waiting_idx on cases (team_id, created_at)
  where assignee_id is null and team_id is not null and status in ('new', 'open', 'pending', 'on_hold');

-- The sweep that routes waiting cases (shift starts, lost drains) reschedules itself; this starts it.
select graphile_worker.add_job('routing.sweep', '{}'::json, job_key => 'routing.sweep');
