// Trailhead Outfitters' policy set: the four layers of rules a request is weighed against, and a
// handful of requests on the demo customers' cases. It doubles as documentation by example.
import type { DemoPolicySet } from '../features/policies/index.ts';

const days = { var: 'request.facts.days_since_delivery' };
const knownDays = { '!': { missing: ['request.facts.days_since_delivery'] } };
const fact = (name: string, value: boolean) => ({ '===': [{ var: `request.facts.${name}` }, value] });

export const DEMO_POLICY_SET: DemoPolicySet = {
  actors: {
    admin: 'admin@fairdesk.example',
    manager: 'manager@fairdesk.example',
    supervisor: 'supervisor@fairdesk.example',
    agent: 'agent@fairdesk.example',
  },
  policies: [
    {
      name: 'Refund for a faulty item within 30 days',
      layer: 'law',
      kinds: ['refund'],
      condition: { and: [fact('faulty', true), knownDays, { '<=': [days, 30] }] },
      effect: 'entitle',
      authority: null,
      citation: 'Consumer Rights Act 2015, s.22 (short-term right to reject)',
      explanation:
        'The item was faulty and you told us {{request.facts.days_since_delivery}} days after delivery, within 30 days, so you are entitled to a full refund.',
      alternatives: [],
      enabled: true,
    },
    {
      name: 'Repair or replacement for a faulty item within 6 months',
      layer: 'law',
      kinds: ['repair', 'replacement'],
      condition: { and: [fact('faulty', true), knownDays, { '<=': [days, 183] }] },
      effect: 'entitle',
      authority: null,
      citation: 'Consumer Rights Act 2015, s.23 (repair or replacement)',
      explanation:
        'The item was faulty within six months of delivery, so you are entitled to a repair or a replacement.',
      alternatives: [],
      enabled: true,
    },
    {
      name: 'Cancellation within 14 days for distance sales',
      layer: 'law',
      kinds: ['return', 'refund'],
      condition: { and: [fact('distance_sale', true), knownDays, { '<=': [days, 14] }] },
      effect: 'entitle',
      authority: null,
      citation: 'Consumer Contracts Regulations 2013, regs. 29-34 (cancellation of distance contracts)',
      explanation:
        'You bought this online and are within 14 days of delivery, so you may cancel for any reason and get your money back.',
      alternatives: [],
      enabled: true,
    },
    {
      name: 'No disclosure of another person’s personal data',
      layer: 'law',
      kinds: ['data_access'],
      condition: fact('subject_is_requester', false),
      effect: 'forbid',
      authority: null,
      citation: 'UK GDPR Art. 5(1)(f) and Art. 6; Data Protection Act 2018',
      explanation:
        'We cannot share personal data about someone else with you, even when the request is well meant: the law protects their information as it protects yours.',
      alternatives: [
        'The person concerned can contact us directly, and we will help them straight away',
        'They can share the information with you themselves from their own account',
      ],
      enabled: true,
    },
    {
      name: 'No advice on repairing or modifying certified safety equipment',
      layer: 'professional',
      kinds: [],
      condition: fact('safety_equipment_modification', true),
      effect: 'forbid',
      authority: null,
      citation: 'PPE Regulation 2016/425 and the EN certification of the equipment',
      explanation:
        'Certified safety equipment may only be repaired or modified by its manufacturer’s certified service; advice from us could put you at risk and void its certification.',
      alternatives: [
        'The manufacturer’s certified repair service can inspect and repair it; we will send you their details',
      ],
      enabled: true,
    },
    {
      name: 'No compensation in exchange for changing or removing a review',
      layer: 'moral',
      kinds: [],
      condition: fact('linked_to_review', true),
      effect: 'forbid',
      authority: null,
      citation: 'Trailhead code of conduct §4 (honest reviews)',
      explanation:
        'We never offer anything in exchange for changing or removing a review: your review is yours to write.',
      alternatives: ['We will address your complaint on its merits, whatever your review says'],
      enabled: true,
    },
    {
      name: 'Returns for change of mind',
      layer: 'organisational',
      strength: 'flexible',
      kinds: ['return'],
      condition: { '!': { var: 'request.facts.faulty' } },
      effect: 'allow_with_authority',
      authority: {
        currency: null,
        days_fact: 'days_since_delivery',
        rungs: [
          { role: 'agent', max_amount: null, max_days: 30 },
          { role: 'supervisor', max_amount: null, max_days: 60 },
          { role: 'manager', max_amount: null, max_days: 90 },
        ],
      },
      citation: 'Trailhead returns policy §2 (change of mind)',
      explanation:
        'We accept change-of-mind returns within 30 days of delivery and can make an exception up to 90 days; this item was delivered {{request.facts.days_since_delivery}} days ago.',
      alternatives: ['Store credit for the full value of the item, valid for 12 months'],
      enabled: true,
    },
    {
      name: 'Goodwill credit',
      layer: 'organisational',
      strength: 'flexible',
      kinds: ['goodwill_credit'],
      condition: true,
      effect: 'allow_with_authority',
      authority: {
        currency: 'GBP',
        days_fact: 'days_since_delivery',
        rungs: [
          { role: 'agent', max_amount: 2500, max_days: null },
          { role: 'supervisor', max_amount: 20000, max_days: null },
          { role: 'manager', max_amount: 100000, max_days: null },
        ],
      },
      citation: 'Trailhead service recovery policy §3 (goodwill)',
      explanation:
        'Goodwill credit of up to £25.00 can be given straight away, up to £200.00 by a supervisor and up to £1,000.00 by a manager; you asked for {{request.amount_text}}.',
      alternatives: [
        'A partial credit we can approve today',
        'A formal review of your complaint by our customer relations manager',
      ],
      enabled: true,
    },
  ],
  requests: [
    {
      customer_email: 'customer@fairdesk.example',
      case_index: 0,
      hours_ago: 24 * 9,
      request: {
        kind: 'refund',
        amount: 18999,
        currency: 'GBP',
        facts: { faulty: true, days_since_delivery: 12 },
        description: 'Refund for the tent whose pole snapped on the first night',
      },
      communicate: true,
    },
    {
      customer_email: 'customer@fairdesk.example',
      case_index: 1,
      hours_ago: 24 * 5,
      request: {
        kind: 'return',
        facts: { faulty: false, days_since_delivery: 45 },
        description: 'Return of an unused sleeping bag: changed their mind after 45 days',
      },
      authorise: {
        by: 'supervisor',
        decision: 'approve',
        reason: 'Loyal customer, item unused; within the supervisor’s 60 days',
        conditions: ['Return the item unused, in its original packaging, within 14 days'],
      },
      communicate: true,
    },
    {
      customer_email: 'customer@fairdesk.example',
      case_index: 2,
      hours_ago: 3,
      request: {
        kind: 'goodwill_credit',
        amount: 15000,
        currency: 'GBP',
        facts: { days_since_delivery: 2 },
        description: 'Goodwill for a delivery that arrived a week late, after the trip',
      },
    },
    {
      customer_email: 'other.customer@fairdesk.example',
      case_index: 0,
      hours_ago: 20,
      request: {
        kind: 'goodwill_credit',
        amount: 50000,
        currency: 'GBP',
        facts: {},
        description: 'Group order for the scouts arrived incomplete before the camp',
      },
    },
    {
      customer_email: 'other.customer@fairdesk.example',
      case_index: 1,
      hours_ago: 24 * 7,
      request: {
        kind: 'data_access',
        facts: { subject_is_requester: false },
        description: 'Asks for the address a fellow scout leader gave on their order',
      },
      communicate: true,
    },
    {
      customer_email: 'customer@fairdesk.example',
      case_index: 3,
      hours_ago: 24 * 4,
      request: {
        kind: 'return',
        facts: { faulty: false, days_since_delivery: 120 },
        description: 'Return of walking poles bought four months ago',
      },
      communicate: true,
    },
    {
      customer_email: 'other.customer@fairdesk.example',
      case_index: 2,
      hours_ago: 24 * 6,
      request: {
        kind: 'advice',
        facts: { safety_equipment_modification: true },
        description: 'How to re-stitch the belay loop of a climbing harness',
      },
      communicate: true,
    },
    {
      customer_email: 'customer@fairdesk.example',
      case_index: 4,
      hours_ago: 30,
      request: {
        kind: 'goodwill_credit',
        amount: 2000,
        currency: 'GBP',
        facts: { linked_to_review: true },
        description: 'Offers to update a one-star review for a £20 credit',
      },
    },
    {
      customer_email: 'other.customer@fairdesk.example',
      case_index: 3,
      hours_ago: 24 * 2,
      request: {
        kind: 'goodwill_credit',
        amount: 1500,
        currency: 'GBP',
        facts: {},
        description: 'Missing tent pegs; goodwill while the replacements ship',
      },
      communicate: true,
    },
  ],
};
