import type { AutomationAction } from '@fairdesk/contract';
import { describe, expect, it } from 'vitest';
import { canTransition } from '../cases/index.ts';
import {
  type CaseState,
  conditionFacts,
  conditionHolds,
  conditionProblems,
  parseActions,
  planActions,
  ruleProblems,
  scheduleCause,
  scheduleCutoff,
} from './automations.rules.ts';
import { causeOf, loopVerdict, MAX_DEPTH, MAX_RUNS_PER_DAY } from './loops.rules.ts';
import { triggerOfEvent } from './triggers.rules.ts';

const now = new Date('2026-11-23T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const TEAM = '11111111-1111-4111-8111-111111111111';
const AGENT = '22222222-2222-4222-8222-222222222222';

const base: CaseState = {
  status: 'pending',
  priority: 'normal',
  channel: 'email',
  subject: 'Refund for my TENT',
  tags: ['tent'],
  team_id: null,
  assignee_id: AGENT,
  organisation_id: null,
  customer_language: 'de',
  message_count: 3,
  customer_messages: 2,
  created_at: hoursAgo(200),
  updated_at: hoursAgo(30),
  status_entered_at: hoursAgo(121.5),
};
const ctx = {
  canTransition: (a: CaseState['status'], b: CaseState['status']) => canTransition(a, b, 'staff'),
};

describe('conditionFacts + conditionHolds', () => {
  const facts = conditionFacts(base, now, { status_from: 'open', status_to: 'pending' });
  it.each([
    ['always (true)', true, true],
    ['never (false)', false, false],
    ['empty object', {}, true],
    ['hours in status floored', { '>=': [{ var: 'case.hours_in_status' }, 121] }, true],
    ['hours in status not yet 122', { '>=': [{ var: 'case.hours_in_status' }, 122] }, false],
    ['subject lower-cased', { in: ['refund', { var: 'case.subject' }] }, true],
    ['tag contained', { in: ['tent', { var: 'case.tags' }] }, true],
    ['tag missing', { in: ['stove', { var: 'case.tags' }] }, false],
    ['customer language', { '==': [{ var: 'customer.language' }, 'de'] }, true],
    ['event status_to', { '==': [{ var: 'event.status_to' }, 'pending'] }, true],
    ['assigned flag', { '==': [{ var: 'case.assigned' }, true] }, true],
    ['customer messages', { '>': [{ var: 'case.customer_messages' }, 1] }, true],
  ])('%s', (_name, rule, holds) => {
    expect(conditionHolds(rule, facts)).toEqual({ holds });
  });

  it('reports an evaluation error instead of throwing', () => {
    const r = conditionHolds({ nonsense_op: [1] }, facts);
    expect(r.holds).toBe(false);
    expect(r.error).toMatch(/nonsense_op/);
  });
});

describe('conditionProblems', () => {
  it.each([
    ['true', true, 0],
    ['a plain comparison', { '==': [{ var: 'case.status' }, 'open'] }, 0],
    ['log is not allowed', { log: 'x' }, 1],
    ['unknown operation nested', { and: [{ '==': [1, 1] }, { eval: 'x' }] }, 1],
    ['two keys in one operation', { '==': [1, 1], '!=': [1, 2] }, 1],
    ['too large', { cat: ['x'.repeat(21_000)] }, 1],
  ])('%s', (_name, rule, n) => {
    expect(conditionProblems(rule)).toHaveLength(n);
  });

  it('refuses nesting beyond 30 levels', () => {
    let rule: unknown = true;
    for (let i = 0; i < 40; i++) rule = { '!': [rule] };
    expect(conditionProblems(rule)[0]).toMatch(/too deeply/);
  });
});

describe('ruleProblems', () => {
  const ok = { trigger: 'case_created' as const, schedule: null, conditions: true, actions: [] };
  it.each([
    ['a sound rule', ok, []],
    ['schedule without spec', { ...ok, trigger: 'schedule' as const }, ['schedule_required']],
    [
      'spec on an event rule',
      { ...ok, schedule: { status: 'pending' as const, after_hours: 1 } },
      ['schedule_not_allowed'],
    ],
    ['bad condition', { ...ok, conditions: { log: 1 } }, ['invalid_condition']],
    ['unknown action type', { ...ok, actions: [{ type: 'delete_case' }] }, ['unknown_action_type']],
    ['no action type', { ...ok, actions: [{ status: 'open' }] }, ['unknown_action_type']],
    ['bad status', { ...ok, actions: [{ type: 'set_status', status: 'gone' }] }, ['invalid_action']],
    [
      'unknown field',
      { ...ok, actions: [{ type: 'set_priority', priority: 'high', x: 1 }] },
      ['invalid_action'],
    ],
    ['assign nothing', { ...ok, actions: [{ type: 'assign' }] }, ['invalid_action']],
    [
      'notify staff without ids',
      { ...ok, actions: [{ type: 'notify', to: 'staff', title: 'Hi' }] },
      ['invalid_action'],
    ],
    ['empty tags', { ...ok, actions: [{ type: 'add_tags', tags: [] }] }, ['invalid_action']],
  ])('%s', (_name, rule, reasons) => {
    expect(ruleProblems(rule).map((p) => p.reason)).toEqual(reasons);
  });
});

describe('planActions', () => {
  const plan = (actions: unknown[], c: Partial<CaseState> = {}) => {
    const p = planActions(parseActions(actions), { ...base, ...c }, ctx);
    return {
      steps: p.steps.map((s) => (s.kind === 'update' ? s.patch : s.kind)),
      skipped: p.skipped.map((s) => s.reason),
    };
  };
  it.each<[string, unknown[], Partial<CaseState>, { steps: unknown[]; skipped: string[] }]>([
    [
      'solves a pending case',
      [{ type: 'set_status', status: 'solved' }],
      {},
      { steps: [{ status: 'solved' }], skipped: [] },
    ],
    [
      'already pending',
      [{ type: 'set_status', status: 'pending' }],
      {},
      { steps: [], skipped: ['already_so'] },
    ],
    [
      'pending cannot close',
      [{ type: 'set_status', status: 'closed' }],
      {},
      { steps: [], skipped: ['transition_not_allowed'] },
    ],
    [
      'each action sees the one before',
      [
        { type: 'set_status', status: 'solved' },
        { type: 'set_status', status: 'closed' },
      ],
      {},
      { steps: [{ status: 'solved' }, { status: 'closed' }], skipped: [] },
    ],
    [
      'tags added then removed',
      [
        { type: 'add_tags', tags: ['refund', 'tent'] },
        { type: 'remove_tags', tags: ['tent'] },
      ],
      {},
      { steps: [{ tags: ['tent', 'refund'] }, { tags: ['refund'] }], skipped: [] },
    ],
    [
      'removing an absent tag',
      [{ type: 'remove_tags', tags: ['x'] }],
      {},
      { steps: [], skipped: ['already_so'] },
    ],
    [
      'assign only what differs',
      [{ type: 'assign', team_id: TEAM, assignee_id: AGENT }],
      {},
      { steps: [{ team_id: TEAM }], skipped: [] },
    ],
    [
      'a closed case takes nothing',
      [
        { type: 'set_priority', priority: 'high' },
        { type: 'notify', to: 'assignee', title: 'x' },
      ],
      { status: 'closed' },
      { steps: [], skipped: ['case_closed', 'case_closed'] },
    ],
    [
      'macros and notifications always go ahead',
      [
        { type: 'send_macro', macro_id: TEAM },
        { type: 'notify', to: 'assignee', title: 'x' },
      ],
      {},
      { steps: ['macro', 'notify'], skipped: [] },
    ],
  ])('%s', (_name, actions, c, expected) => {
    expect(plan(actions, c)).toEqual(expected);
  });

  it('names ids in summaries when it can', () => {
    const p = planActions(parseActions([{ type: 'assign', team_id: TEAM }] as AutomationAction[]), base, {
      ...ctx,
      names: { [TEAM]: 'Billing' },
    });
    expect(p.steps[0]?.step.summary).toBe('assign to team Billing');
  });
});

describe('loopVerdict', () => {
  const RULE = 'rule-a';
  it.each([
    ['a person’s change', { rule_id: null, depth: 0 }, 0, { run: true, depth: 1 }],
    ['its own change', { rule_id: RULE, depth: 1 }, 0, { run: false, reason: 'own_change' }],
    ['another rule’s change', { rule_id: 'rule-b', depth: 2 }, 0, { run: true, depth: 3 }],
    [
      'the chain at its limit',
      { rule_id: 'rule-b', depth: MAX_DEPTH - 1 },
      0,
      { run: true, depth: MAX_DEPTH },
    ],
    [
      'the chain too deep',
      { rule_id: 'rule-b', depth: MAX_DEPTH },
      0,
      { run: false, reason: 'chain_too_deep' },
    ],
    ['under the daily cap', { rule_id: null, depth: 0 }, MAX_RUNS_PER_DAY - 1, { run: true, depth: 1 }],
    ['at the daily cap', { rule_id: null, depth: 0 }, MAX_RUNS_PER_DAY, { run: false, reason: 'daily_cap' }],
  ])('%s', (_name, cause, runs, verdict) => {
    expect(loopVerdict(RULE, cause, runs)).toEqual(verdict);
  });

  it.each([
    ['no marker', {}, undefined, { rule_id: null, depth: 0 }],
    [
      'marker with depth',
      { automation_rule_id: 'r', automation_depth: 3 },
      undefined,
      { rule_id: 'r', depth: 3 },
    ],
    [
      'marker without depth (a macro’s event), depth known',
      { automation_rule_id: 'r' },
      4,
      { rule_id: 'r', depth: 4 },
    ],
    ['marker without depth, unknown', { automation_rule_id: 'r' }, undefined, { rule_id: 'r', depth: 1 }],
  ])('causeOf: %s', (_name, data, known, cause) => {
    expect(causeOf(data, known)).toEqual(cause);
  });
});

describe('triggerOfEvent', () => {
  const p = (event: string, data: Record<string, unknown>) => ({
    workspace_id: 'w',
    case_id: 'c',
    event,
    data,
  });
  it.each([
    ['case created', p('case.created', {}), 'case_created'],
    ['status change', p('case.updated', { changes: { status: ['open', 'pending'] } }), 'status_changed'],
    ['priority change', p('case.updated', { changes: { priority: ['low', 'high'] } }), null],
    ['public message', p('message.added', { visibility: 'public' }), 'customer_replied'],
    ['internal note', p('message.added', { visibility: 'internal' }), null],
    ['sla warning', p('sla.warning', { target: 'first_response' }), 'sla_warning'],
    ['sla breach', p('sla.breached', { target: 'resolution' }), 'sla_breached'],
    ['other event', p('case.routed', {}), null],
  ])('%s', (_name, payload, trigger) => {
    expect(triggerOfEvent(payload)?.trigger ?? null).toBe(trigger);
  });

  it('passes the status change to conditions', () => {
    expect(triggerOfEvent(p('case.updated', { changes: { status: ['open', 'pending'] } }))?.facts).toEqual({
      status_from: 'open',
      status_to: 'pending',
    });
  });
});

describe('schedule', () => {
  it('cuts off at the hours and names the status entry as the cause', () => {
    expect(scheduleCutoff({ status: 'pending', after_hours: 120 }, now)).toEqual(hoursAgo(120));
    expect(scheduleCause('pending', hoursAgo(1))).toBe('status:pending@2026-11-23T11:00:00.000Z');
  });
});
