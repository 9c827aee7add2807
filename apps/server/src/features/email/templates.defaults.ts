import { chooseLanguage, type NotificationKind, type TemplateText } from './templates.rules.ts';

/**
 * The built-in notification texts, used while a workspace has not written its own. English and
 * German; a workspace language without one falls back as `chooseLanguage` says. German addresses
 * the customer formally (Sie, full name) as German customer service does.
 */
export const DEFAULT_TEMPLATES: Record<string, Record<NotificationKind, TemplateText>> = {
  en: {
    case_received: {
      subject: '[#{{case.number}}] We have received your request: {{case.subject}}',
      body: `Hello {{customer.first_name}},

Thank you for contacting {{workspace.name}}. We have received your request, and a member of our team will get back to you as soon as possible.

Your case number is {{case.number}}. You can follow your case here:
{{case.url}}

If you have anything to add, simply reply to this email.

Kind regards,
{{workspace.name}}`,
    },
    agent_replied: {
      subject: '[#{{case.number}}] New reply to your request: {{case.subject}}',
      body: `Hello {{customer.first_name}},

{{agent.name}} has replied to your request "{{case.subject}}":

{{reply.text}}

You can read the whole conversation and answer here:
{{case.url}}

Or simply reply to this email.

Kind regards,
{{workspace.name}}`,
    },
    decision_made: {
      subject: '[#{{case.number}}] A decision on your request: {{case.subject}}',
      body: `Hello {{customer.first_name}},

We have come to a decision on your request (case {{case.number}}):

{{decision.text}}

If you have a question about this decision, reply to this email or write to us here:
{{case.url}}

Kind regards,
{{agent.name}}
{{workspace.name}}`,
    },
  },
  de: {
    case_received: {
      subject: '[#{{case.number}}] Wir haben Ihre Anfrage erhalten: {{case.subject}}',
      body: `Guten Tag {{customer.name}},

vielen Dank für Ihre Nachricht an {{workspace.name}}. Wir haben Ihre Anfrage erhalten und melden uns so bald wie möglich bei Ihnen.

Ihre Vorgangsnummer lautet {{case.number}}. Den Stand Ihrer Anfrage können Sie hier verfolgen:
{{case.url}}

Wenn Sie etwas ergänzen möchten, antworten Sie einfach auf diese E-Mail.

Mit freundlichen Grüßen
{{workspace.name}}`,
    },
    agent_replied: {
      subject: '[#{{case.number}}] Neue Antwort auf Ihre Anfrage: {{case.subject}}',
      body: `Guten Tag {{customer.name}},

{{agent.name}} hat auf Ihre Anfrage „{{case.subject}}“ geantwortet:

{{reply.text}}

Den gesamten Verlauf können Sie hier lesen und beantworten:
{{case.url}}

Sie können auch einfach auf diese E-Mail antworten.

Mit freundlichen Grüßen
{{workspace.name}}`,
    },
    decision_made: {
      subject: '[#{{case.number}}] Entscheidung zu Ihrer Anfrage: {{case.subject}}',
      body: `Guten Tag {{customer.name}},

wir haben über Ihre Anfrage (Vorgang {{case.number}}) entschieden:

{{decision.text}}

Wenn Sie Fragen zu dieser Entscheidung haben, antworten Sie einfach auf diese E-Mail oder schreiben Sie uns hier:
{{case.url}}

Mit freundlichen Grüßen
{{agent.name}}
{{workspace.name}}`,
    },
  },
};

export const defaultTemplate = (kind: NotificationKind, language: string): TemplateText | null =>
  DEFAULT_TEMPLATES[language]?.[kind] ?? null;

/** What a workspace stored for one kind and language (text null: the default's). */
export type StoredTemplate = {
  language: string;
  subject: string | null;
  body: string | null;
  enabled: boolean;
};

/** The text in force for a kind and language: the workspace's own, else the built-in one. */
export function textInForce(kind: NotificationKind, language: string, stored: StoredTemplate | undefined) {
  if (stored?.subject && stored.body) return { subject: stored.subject, body: stored.body, customised: true };
  const d = defaultTemplate(kind, language);
  return d ? { ...d, customised: false } : null;
}

/**
 * The template a customer is written with: their language if the workspace serves it, else the
 * workspace's first, else English (whichever first has a text), and whether it is switched on.
 */
export function templateFor(
  kind: NotificationKind,
  stored: StoredTemplate[],
  customerLanguage: string | null,
  workspaceLanguages: readonly string[],
) {
  const of = (l: string) => stored.find((s) => s.language === l);
  const language = chooseLanguage(
    customerLanguage,
    workspaceLanguages,
    (l) => textInForce(kind, l, of(l)) !== null,
  );
  const text = textInForce(kind, language, of(language))!;
  return { language, subject: text.subject, body: text.body, enabled: of(language)?.enabled ?? true };
}

/** A sample case for previews, in the template's language. */
export const SAMPLE_VALUES: Record<string, Record<string, string>> = {
  en: {
    'customer.name': 'Alex Morgan',
    'customer.first_name': 'Alex',
    'case.subject': 'My tent pole arrived bent',
    'agent.name': 'Sam Taylor',
    'reply.text':
      'Thank you for the photos. A replacement pole is on its way to you today; you do not need to send the bent one back.',
    'decision.text':
      'We cannot refund the tent after 120 days.\n\nWhat we can offer instead:\n- A free replacement pole\n- Store credit for half the price',
  },
  de: {
    'customer.name': 'Alex Morgan',
    'customer.first_name': 'Alex',
    'case.subject': 'Zeltstange verbogen angekommen',
    'agent.name': 'Sam Taylor',
    'reply.text':
      'Vielen Dank für die Fotos. Eine neue Stange ist heute an Sie unterwegs; die verbogene müssen Sie nicht zurückschicken.',
    'decision.text':
      'Nach 120 Tagen können wir das Zelt leider nicht mehr erstatten.\n\nWas wir Ihnen stattdessen anbieten können:\n- Eine neue Zeltstange, kostenlos\n- Ein Guthaben über den halben Preis',
  },
};
