import type { AutomationActionType, AutomationTrigger, NotifyTarget } from './types.ts';

export const TRIGGERS: AutomationTrigger[] = [
  'case_created',
  'customer_replied',
  'status_changed',
  'sla_warning',
  'sla_breached',
  'schedule',
];

export const TRIGGER_LABEL: Record<AutomationTrigger, string> = {
  case_created: 'A case is created',
  customer_replied: 'The customer replies',
  status_changed: 'The status changes',
  sla_warning: 'A service level is at risk',
  sla_breached: 'A service level is breached',
  schedule: 'On a schedule (time in a status)',
};

export const ACTION_TYPES: AutomationActionType[] = [
  'set_status',
  'set_priority',
  'assign',
  'add_tags',
  'remove_tags',
  'send_macro',
  'notify',
];

export const ACTION_LABEL: Record<AutomationActionType, string> = {
  set_status: 'Set status',
  set_priority: 'Set priority',
  assign: 'Assign',
  add_tags: 'Add tags',
  remove_tags: 'Remove tags',
  send_macro: 'Send a macro',
  notify: 'Notify staff',
};

export const NOTIFY_LABEL: Record<NotifyTarget, string> = {
  assignee: 'The assignee',
  team_supervisors: 'The team’s supervisors',
  assignee_and_supervisors: 'The assignee and the team’s supervisors',
  staff: 'Named staff',
};

/** Why an action was passed over, in words (reasons from the server's plan). */
export const SKIP_REASON: Record<string, string> = {
  already_so: 'already so',
  transition_not_allowed: 'the case rules do not allow it',
  case_closed: 'the case is closed',
  nobody_to_notify: 'nobody to notify',
};

export const STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Hours as a person reads them: "5 days", "36 hours". */
export function hoursInWords(h: number): string {
  if (h % 24 === 0) return `${h / 24} day${h === 24 ? '' : 's'}`;
  return `${h} hour${h === 1 ? '' : 's'}`;
}
