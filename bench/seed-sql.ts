// The bulk-load statements. Every row is generated inside PostgreSQL from generate_series, so a
// million cases never cross the wire. Shared parameters: $1 workspace id, $2/$3 the batch's case
// numbers (inclusive); where words are drawn, $4 is the vocabulary (text[]), as in vocabulary.ts.
import { GLUE, GLUE_SHARE, LONG_BODY_EVERY, LONG_BODY_TOKENS, ORDER_NUMBER_SHARE } from './vocabulary.ts';

/** One content word of $4, Zipf-like: weight 1 / (rank + 10), drawn by inverting the CDF. */
const WORD = `($4::text[])[1 + least(cardinality($4::text[]) - 1,
  floor(10 * power((cardinality($4::text[]) + 10) / 10.0, random()) - 10)::int)]`;
const GLUE_WORDS = `array['${GLUE.join("','")}']`;
/** A body token: a glue word (dropped by the English configuration) or a content word. */
const TOKEN = `case when random() < ${GLUE_SHARE}
  then (${GLUE_WORDS})[1 + floor(random() * ${GLUE.length})::int] else ${WORD} end`;
const ORDER_NUMBER = `case when random() < ${ORDER_NUMBER_SHARE}
  then ' order #' || (100000 + floor(random() * 900000)::int) else '' end`;

/**
 * Tokens in message j of case c: 12 to 40, or for one message in LONG_BODY_EVERY a long one
 * (vocabulary.ts), chosen by the case's number and the message's place so a seed is repeatable.
 */
const BODY_TOKENS = `case when (c.number * 7 + j * 13) % ${LONG_BODY_EVERY} = 0
  then ${LONG_BODY_TOKENS.min} + (c.number * 11 + j) % ${LONG_BODY_TOKENS.max - LONG_BODY_TOKENS.min + 1}
  else 12 + (c.number * 7 + j * 13) % 29 end`;

/** Service-level minutes by priority (the demo's targets), for a case aliased `c`. */
const FIRST_RESPONSE_MINUTES = (c: string) =>
  `case ${c}.priority when 'urgent' then 60 when 'high' then 240 when 'normal' then 480 else 1440 end`;
const RESOLUTION_MINUTES = (c: string) =>
  `case ${c}.priority when 'urgent' then 480 when 'high' then 1440 when 'normal' then 2400 else 4800 end`;

/**
 * cases.sla_next as case_sla_next() writes it (migration 20261123T2000) for a running target due at
 * `due`, breached as INSERT_CASE_SLA decides it.
 */
const RUNNING_SLA_NEXT = (target: string, due: string) => `jsonb_build_object('target', '${target}',
  'due_at', to_char((${due}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
  'state', case when ${due} < now() then 'breached' else 'on_track' end)`;

/**
 * Cases with a realistic mix: ~10% new, 20% open, 10% pending, 5% on hold, 25% solved, 30% closed;
 * created over the last year; 1 to 5 messages each (new cases have only the customer's first one),
 * 30 minutes to a day apart. $5 teams uuid[2], $6/$7 agents of team 1/2 (uuid[]), $8 customers uuid[].
 */
export const INSERT_CASES = `
with r as (
  select n, random() as rs, random() as rp, random() as rc, random() as rt, random() as ra, random() as rm,
    1 + floor(random() * cardinality($8::uuid[]))::int as cu,
    now() - interval '365 days' * random() as created_at,
    interval '1 minute' * (30 + random() * 1410) as gap
  from generate_series($2::int, $3::int) n
), s as (
  select r.*,
    (case when rs < .10 then 'new' when rs < .30 then 'open' when rs < .40 then 'pending'
      when rs < .45 then 'on_hold' when rs < .70 then 'solved' else 'closed' end)::case_status as status,
    (case when rp < .20 then 'low' when rp < .75 then 'normal' when rp < .95 then 'high'
      else 'urgent' end)::case_priority as priority,
    (case when rc < .60 then 'email' when rc < .85 then 'portal' when rc < .95 then 'api'
      else 'phone' end)::case_channel as channel,
    case when rt < .5 then 1 else 2 end as team_no
  from r
), t as (
  select s.*,
    case when status = 'new' then 1 else 2 + floor(rm * 3.444)::int end as msgs,
    case when status = 'new' then null when team_no = 1
      then ($6::uuid[])[1 + floor(ra * cardinality($6::uuid[]))::int]
      else ($7::uuid[])[1 + floor(ra * cardinality($7::uuid[]))::int] end as assignee_id
  from s
), u as (
  select t.*, least(created_at + gap * (msgs - 1), now()) as last_at from t
), v as (
  select u.*,
    case when status in ('solved', 'closed') then least(last_at + interval '2 hours', now()) end as solved_at,
    case when status = 'closed' then least(last_at + interval '4 days', now()) end as closed_at
  from u
)
insert into cases (workspace_id, number, subject, status, priority, channel, customer_id, team_id,
  assignee_id, message_count, last_message_at, first_response_at, solved_at, closed_at, created_at,
  updated_at, next_due_at, sla_next)
select $1, v.n, upper(left(w.s, 1)) || substr(w.s, 2), status, priority, channel, ($8::uuid[])[cu],
  ($5::uuid[])[team_no], assignee_id, msgs, last_at,
  case when msgs > 1 then least(created_at + gap, now()) end,
  solved_at, closed_at, created_at, coalesce(closed_at, solved_at, last_at),
  -- What the case_sla triggers will find (INSERT_CASE_SLA): a new case's first response runs, an
  -- open case's resolution; given here, the triggers need not write every case a second time.
  case status when 'new' then created_at + interval '1 minute' * (${FIRST_RESPONSE_MINUTES('v')})
    when 'open' then created_at + interval '1 minute' * (${RESOLUTION_MINUTES('v')}) end,
  -- And the next target they will find: first response for a new case, resolution for an open one
  -- (its first response is met), resolution paused for pending and on hold, none once solved.
  case status
    when 'new' then ${RUNNING_SLA_NEXT('first_response', `created_at + interval '1 minute' * (${FIRST_RESPONSE_MINUTES('v')})`)}
    when 'open' then ${RUNNING_SLA_NEXT('resolution', `created_at + interval '1 minute' * (${RESOLUTION_MINUTES('v')})`)}
    when 'pending' then '{"target": "resolution", "due_at": null, "state": "paused"}'::jsonb
    when 'on_hold' then '{"target": "resolution", "due_at": null, "state": "paused"}'::jsonb end
from v cross join lateral (select string_agg(${WORD}, ' ') as s from generate_series(1, 4 + v.n % 5)) w`;

/**
 * The conversation of each case of the batch: the customer writes first and every other message,
 * staff (the assignee, or any agent $5 uuid[]) answer in between, 15% of staff messages internal.
 */
export const INSERT_MESSAGES = `
insert into messages (workspace_id, case_id, visibility, author_kind, author_staff_id, author_customer_id,
  body, created_at)
select c.workspace_id, c.id,
  (case when j % 2 = 1 and random() < .15 then 'internal' else 'public' end)::message_visibility,
  (case when j % 2 = 1 then 'staff' else 'customer' end)::party_kind,
  case when j % 2 = 1 then coalesce(c.assignee_id,
    ($5::uuid[])[1 + floor(random() * cardinality($5::uuid[]))::int]) end,
  case when j % 2 = 0 then c.customer_id end,
  upper(left(b.s, 1)) || substr(b.s, 2) || ${ORDER_NUMBER} || '.',
  c.created_at + (c.last_message_at - c.created_at) * j / greatest(c.message_count - 1, 1)
from cases c
cross join lateral generate_series(0, c.message_count - 1) j
cross join lateral (
  select string_agg(${TOKEN}, ' ') as s from generate_series(1, ${BODY_TOKENS})
) b
where c.workspace_id = $1 and c.number between $2 and $3`;

/**
 * The timeline the app would have written: case.created, then message.added per message. Seq numbers
 * leave room for 8 events per case. The hash chain is not computed (it is sequential by nature);
 * hashes are zero, so audit verification of seeded history fails, which nothing here checks.
 */
export const INSERT_EVENTS = `
insert into events (workspace_id, seq, type, case_id, actor_kind, actor_id, data, created_at, prev_hash, hash)
select c.workspace_id, c.number::bigint * 8, 'case.created', c.id, 'customer', c.customer_id,
  jsonb_build_object('number', c.number, 'subject', c.subject, 'channel', c.channel,
    'customer_id', c.customer_id),
  c.created_at, '\\x00'::bytea, '\\x00'::bytea
from cases c where c.workspace_id = $1 and c.number between $2 and $3
union all
select m.workspace_id,
  c.number::bigint * 8 + row_number() over (partition by m.case_id order by m.created_at, m.id),
  'message.added', m.case_id, m.author_kind, coalesce(m.author_staff_id, m.author_customer_id),
  jsonb_build_object('message_id', m.id, 'visibility', m.visibility),
  m.created_at, '\\x00'::bytea, '\\x00'::bytea
from cases c join messages m on m.case_id = c.id
where c.workspace_id = $1 and c.number between $2 and $3`;

/**
 * Service-level targets as the app keeps them (case_sla): first response and resolution per case,
 * due from creation by priority (the demo's targets, counted here in calendar time). Answered and
 * solved targets are met; pending and on-hold cases' resolution is paused; the rest run, and most
 * of a year-old backlog is breached, as it would be. Queues sorted by due time read these rows.
 * $4: the policy id of each priority (jsonb). A recompute redoes them in business time.
 */
export const INSERT_CASE_SLA = `
insert into case_sla (workspace_id, case_id, target, policy_id, minutes, business, started_at, due_at, state,
  met_at, paused_at, breached_at)
select c.workspace_id, c.id, t.target::sla_target, ($4::jsonb ->> c.priority::text)::uuid, t.m, true, c.created_at,
  case when s.st <> 'paused' then c.created_at + t.m * interval '1 minute' end,
  s.st::sla_state,
  case when s.st = 'met' then coalesce(case when t.target = 'first_response' then c.first_response_at end,
    c.solved_at, c.updated_at) end,
  case when s.st = 'paused' then c.updated_at end,
  case when s.st = 'breached' then c.created_at + t.m * interval '1 minute' end
from cases c
cross join lateral (values
  ('first_response', ${FIRST_RESPONSE_MINUTES('c')}),
  ('resolution', ${RESOLUTION_MINUTES('c')})
) t(target, m)
cross join lateral (select case
  when c.status in ('solved', 'closed') then 'met'
  when t.target = 'first_response' and c.first_response_at is not null then 'met'
  when t.target = 'resolution' and c.status in ('pending', 'on_hold') then 'paused'
  when c.created_at + t.m * interval '1 minute' < now() then 'breached'
  else 'on_track' end as st) s
where c.workspace_id = $1 and c.number between $2 and $3`;
