import Mustache from 'mustache';

/**
 * The emails the programme sends, as templates with named placeholders ({{person.name}}, and
 * {{#items}}…{{/items}} for the list of modules). Rendered with Mustache (logic-less: a template
 * can only place the values it is given, never run code) to plain text and to HTML, where every
 * value is HTML-escaped. The default set is English; organisations can have their own.
 */

export const PROGRAMME_TEMPLATE_KINDS = ['reminder', 'escalation'] as const;
export type ProgrammeTemplateKind = (typeof PROGRAMME_TEMPLATE_KINDS)[number];

export interface ProgrammeTemplate {
  subject: string;
  body: string;
}

export interface DigestItem {
  module: string;
  dueDate: string;
  /** "due in 7 days", "due today", "3 days overdue". */
  when: string;
  /** Escalations: whose training it is. */
  person?: string;
}

export interface DigestValues {
  person: { name: string; email: string };
  organisation: { name: string };
  items: DigestItem[];
  count: number;
  /** Items beyond those listed (a digest lists 20 at most). */
  more?: number;
  link: string;
}

const REMINDER_PLACEHOLDERS = [
  'person.name',
  'person.email',
  'organisation.name',
  'count',
  'link',
  'items',
  'module',
  'dueDate',
  'when',
  'more',
] as const;

/** The placeholders each template may use; anything else is refused on save. */
export const TEMPLATE_PLACEHOLDERS: Record<ProgrammeTemplateKind, readonly string[]> = {
  reminder: REMINDER_PLACEHOLDERS,
  // Each item of an escalation also names whose training it is.
  escalation: [...REMINDER_PLACEHOLDERS, 'person'],
};

export const DEFAULT_TEMPLATES: Record<ProgrammeTemplateKind, ProgrammeTemplate> = {
  reminder: {
    subject: 'Security training: {{count}} module(s) need your attention',
    body: [
      'Hello {{person.name}},',
      '',
      'This is a reminder of your security-awareness training at {{organisation.name}}:',
      '',
      '{{#items}}',
      '- {{module}}: {{when}} (due {{dueDate}})',
      '{{/items}}',
      '{{#more}}… and {{more}} more.{{/more}}',
      '',
      'Open your training here: {{link}}',
      '',
      'Each module takes a few minutes. It helps you recognise approaches from people who want what you know.',
    ].join('\n'),
  },
  escalation: {
    subject: 'Overdue security training: {{count}} item(s)',
    body: [
      'Hello {{person.name}},',
      '',
      'The following security-awareness training at {{organisation.name}} is overdue:',
      '',
      '{{#items}}',
      '- {{person}}: {{module}}, {{when}} (due {{dueDate}})',
      '{{/items}}',
      '{{#more}}… and {{more}} more: see the overdue list.{{/more}}',
      '',
      'Please follow it up. The completion overview: {{link}}',
    ].join('\n'),
  },
};

/** The problems of a template: unknown placeholders, unbalanced sections, bad syntax. */
export function templateProblems(kind: ProgrammeTemplateKind, template: ProgrammeTemplate): string[] {
  const problems: string[] = [];
  for (const [field, text] of Object.entries(template) as [keyof ProgrammeTemplate, string][]) {
    let tokens: unknown[];
    try {
      tokens = Mustache.parse(text);
    } catch (error) {
      problems.push(`${field}: ${(error as Error).message}`);
      continue;
    }
    if (hasUnescaped(tokens))
      problems.push(`${field}: values are always escaped; write {{name}}, not {{{name}}} or {{&name}}`);
    for (const name of names(tokens))
      if (!TEMPLATE_PLACEHOLDERS[kind].includes(name))
        problems.push(
          `${field}: {{${name}}} is not a placeholder; use ${TEMPLATE_PLACEHOLDERS[kind].map((p) => `{{${p}}}`).join(', ')}`,
        );
  }
  return problems;
}

function hasUnescaped(tokens: unknown[]): boolean {
  return (tokens as [string, string, number, number, unknown[]?][]).some(
    ([type, , , , children]) => type === '&' || type === '{' || (children ? hasUnescaped(children) : false),
  );
}

function names(tokens: unknown[]): string[] {
  const found: string[] = [];
  for (const token of tokens as [string, string, number, number, unknown[]?][]) {
    const [type, value, , , children] = token;
    if (type === 'name' || type === '&' || type === '#' || type === '^') found.push(value);
    if (type === '{') found.push(value);
    if (children) found.push(...names(children));
  }
  return found;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Renders a template to a subject line, a text body and an HTML body (values escaped). */
export function renderTemplate(template: ProgrammeTemplate, values: DigestValues): RenderedEmail {
  const plain = (text: string) => Mustache.render(text, values, {}, { escape: (v: unknown) => String(v) });
  const subject = plain(template.subject).replace(/\s+/g, ' ').trim().slice(0, 300);
  const text = plain(template.body);
  // The template's own text is written by an administrator and is plain text too: it is escaped
  // before rendering (its {{tags}} contain no character that changes), and Mustache escapes every
  // value it places. Nothing in the HTML comes unescaped from anyone.
  const escapedBody = Mustache.render(escapeHtml(template.body), values);
  const html =
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">' +
    escapedBody
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
      .join('') +
    '</body></html>';
  return { subject, text, html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "due in 7 days", "due tomorrow", "due today", "1 day overdue", "12 days overdue". */
export function describeWhen(daysToDue: number): string {
  if (daysToDue > 1) return `due in ${daysToDue} days`;
  if (daysToDue === 1) return 'due tomorrow';
  if (daysToDue === 0) return 'due today';
  return `${-daysToDue} day${daysToDue === -1 ? '' : 's'} overdue`;
}
