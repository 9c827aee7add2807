import type { NotificationKind } from '@fairdesk/contract';

/** The notifications in the words an admin reads, and when each one goes out. */
export const KIND_WORDS: Record<NotificationKind, { label: string; when: string }> = {
  case_received: {
    label: 'Case received',
    when: 'When a customer opens a case in the portal or by email (not when staff open it for them).',
  },
  agent_replied: {
    label: 'Agent replied',
    when: 'When someone replies on a portal, API or phone case. On email cases the reply itself is the mail.',
  },
  decision_made: {
    label: 'Decision made',
    when: 'When a decision on a customer’s request is sent to them, with the reason and the alternatives.',
  },
};

export const kindLabel = (k: NotificationKind) => KIND_WORDS[k].label;

const names = new Intl.DisplayNames(['en'], { type: 'language' });
export const languageName = (code: string) => {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
};

/** What each placeholder becomes in the mail. */
export const PLACEHOLDER_WORDS: Record<string, string> = {
  'customer.first_name': 'Customer’s first name',
  'customer.name': 'Customer’s full name',
  'case.number': 'Case number',
  'case.subject': 'Case subject',
  'case.url': 'Link to the case in the portal',
  'workspace.name': 'Your organisation’s name',
  'agent.name': 'Name of the person who replied or decided',
  'reply.text': 'The reply, as written',
  'decision.text': 'The decision as told to the customer (reason, conditions, alternatives)',
};
