import { z } from 'zod';
import { isoDateSchema, textSchema, uuidSchema } from '../common/index.js';
import { SENSITIVITY_TIERS, type SensitivityTier } from '../directory/index.js';
import { ROLES, type Role } from '../permissions/index.js';

/**
 * Assignment rules: a module + an audience + a due policy + recurrence + reminders + escalation.
 * Every list of the audience left empty (and every condition left out) means "anyone": a rule
 * with an empty audience assigns everyone in the organisation.
 */
export const ruleAudienceSchema = z.object({
  departmentIds: z.array(uuidSchema).max(500).default([]),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
  tiers: z.array(z.enum(SENSITIVITY_TIERS)).max(SENSITIVITY_TIERS.length).default([]),
  /** Job title contains this text (case-insensitive). */
  jobTitleContains: textSchema.trim().min(1).max(200).nullable().default(null),
  /** Start date on or after this day. */
  startedOnOrAfter: isoDateSchema.nullable().default(null),
  /** Start date before this day. */
  startedBefore: isoDateSchema.nullable().default(null),
});
export type RuleAudience = z.infer<typeof ruleAudienceSchema>;

export const dueDaysSchema = z.number().int().min(1).max(3650);

/** Due on a fixed date, or N days after being assigned (for a joiner: after their start date). */
export const duePolicySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), date: isoDateSchema }),
  z.object({ kind: z.literal('relative'), days: dueDaysSchema }),
]);
export type DuePolicy = z.infer<typeof duePolicySchema>;

export const remindersSchema = z.object({
  /** Remind this many days before the due date (each a separate reminder), e.g. [7]. */
  beforeDays: z
    .array(z.number().int().min(1).max(365))
    .max(5)
    .default([7])
    .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
  /** Remind on the due date itself. */
  onDueDate: z.boolean().default(true),
  /** Once overdue, remind every N days (null: no reminders after the due date). */
  everyDaysAfter: z.number().int().min(1).max(90).nullable().default(3),
});
export type Reminders = z.infer<typeof remindersSchema>;

export const escalationSchema = z.object({
  /** Tell the person's manager once the assignment is this many days overdue (null: never). */
  managerAfterDays: z.number().int().min(1).max(365).nullable().default(7),
  /** Tell the organisation's security officers once it is this many days overdue (null: never). */
  officersAfterDays: z.number().int().min(1).max(365).nullable().default(14),
});
export type Escalation = z.infer<typeof escalationSchema>;

/** Remedial training: after K failed quiz rounds, or a compromised ending, assign this module. */
export const remedialSchema = z.object({
  moduleId: uuidSchema.nullable().default(null),
  afterFailedRounds: z.number().int().min(1).max(20).nullable().default(null),
  onCompromisedEnding: z.boolean().default(false),
});
export type Remedial = z.infer<typeof remedialSchema>;

export const ruleInputSchema = z
  .object({
    name: textSchema.trim().min(1).max(200),
    moduleId: uuidSchema,
    enabled: z.boolean().default(true),
    audience: ruleAudienceSchema.default(ruleAudienceSchema.parse({})),
    due: duePolicySchema,
    /** Every N months after completion, open the next cycle (null: once). 12 = annual refresh. */
    recurrenceMonths: z.number().int().min(1).max(120).nullable().default(null),
    reminders: remindersSchema.default(remindersSchema.parse({})),
    escalation: escalationSchema.default(escalationSchema.parse({})),
    /** When someone stops matching, remove their assignments from this rule that are not started. */
    withdrawWhenUnmatched: z.boolean().default(true),
    remedial: remedialSchema.default(remedialSchema.parse({})),
  })
  .superRefine((rule, ctx) => {
    const { managerAfterDays, officersAfterDays } = rule.escalation;
    if (managerAfterDays !== null && officersAfterDays !== null && officersAfterDays < managerAfterDays)
      ctx.addIssue({
        code: 'custom',
        path: ['escalation', 'officersAfterDays'],
        message: 'must be no sooner than the manager is told',
      });
    const { remedial } = rule;
    if (!remedial.moduleId && (remedial.afterFailedRounds !== null || remedial.onCompromisedEnding))
      ctx.addIssue({ code: 'custom', path: ['remedial', 'moduleId'], message: 'choose the remedial module' });
    if (remedial.moduleId && remedial.moduleId === rule.moduleId)
      ctx.addIssue({ code: 'custom', path: ['remedial', 'moduleId'], message: 'must be another module' });
    if (remedial.moduleId && remedial.afterFailedRounds === null && !remedial.onCompromisedEnding)
      ctx.addIssue({
        code: 'custom',
        path: ['remedial', 'afterFailedRounds'],
        message: 'say when: after failed quiz rounds, a compromised ending, or both',
      });
    const { startedOnOrAfter, startedBefore } = rule.audience;
    if (startedOnOrAfter && startedBefore && startedBefore <= startedOnOrAfter)
      ctx.addIssue({
        code: 'custom',
        path: ['audience', 'startedBefore'],
        message: 'must be after "started on or after"',
      });
  });
export type RuleInput = z.input<typeof ruleInputSchema>;
export type ParsedRuleInput = z.output<typeof ruleInputSchema>;

export interface RuleView {
  id: string;
  name: string;
  enabled: boolean;
  module: { id: string; title: string };
  audience: {
    departments: { id: string; name: string }[];
    roles: Role[];
    tiers: SensitivityTier[];
    jobTitleContains: string | null;
    startedOnOrAfter: string | null;
    startedBefore: string | null;
  };
  due: DuePolicy;
  recurrenceMonths: number | null;
  reminders: Reminders;
  escalation: Escalation;
  withdrawWhenUnmatched: boolean;
  remedial: {
    module: { id: string; title: string } | null;
    afterFailedRounds: number | null;
    onCompromisedEnding: boolean;
  };
  /** People the rule matches now, and its current open and completed assignments. */
  matching: number;
  open: number;
  completed: number;
  createdAt: string;
  updatedAt: string;
}

export interface RuleList {
  items: RuleView[];
}

/** What saving a rule would do now; nothing is written. */
export interface RulePreview {
  /** Active people the rule matches. */
  matching: number;
  /** Of them, people who would get a new assignment now. */
  toAssign: number;
  /** Of them, people who already have the module (any rule or manual). */
  alreadyAssigned: number;
  /** People who would lose a not-started assignment from this rule (editing a rule only). */
  toWithdraw: number;
  /** A few of the people who would be assigned, for a sanity check. */
  sample: { id: string; name: string; email: string; dueDate: string }[];
}

export interface RuleSaved {
  rule: RuleView;
  /** What the save did at once: new assignments and withdrawn ones. */
  assigned: number;
  withdrawn: number;
  /**
   * In a large organisation the assignments are made by the worker within a minute instead
   * (assigned and withdrawn are then 0 here; the preview said how many).
   */
  queued: boolean;
}

/** Email templates of the programme: an organisation's own wording, else the English default. */
export const TEMPLATE_KINDS = ['reminder', 'escalation'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const templateInputSchema = z
  .object({
    subject: textSchema.trim().min(1, { message: 'is required' }).max(300),
    body: textSchema.min(1, { message: 'is required' }).max(20_000),
  })
  .strict();
export type TemplateInput = z.input<typeof templateInputSchema>;

export const templatePreviewSchema = templateInputSchema.extend({
  /** Whose data to render with (default: the signed-in person). */
  userId: uuidSchema.nullable().default(null),
});
export type TemplatePreviewRequest = z.input<typeof templatePreviewSchema>;

export interface TemplateView {
  kind: TemplateKind;
  subject: string;
  body: string;
  /** True while the organisation uses the built-in English wording. */
  isDefault: boolean;
  /** The placeholders this kind of email may use. */
  placeholders: string[];
  updatedAt: string | null;
}

export interface TemplatePreview {
  subject: string;
  text: string;
  html: string;
  /** Whose data it was rendered with. */
  person: { id: string; name: string };
}

/** The email outbox, as administrators and officers see it: never the bodies (they carry links). */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const outboxQuerySchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().describe('Only emails in this state.'),
  q: textSchema.trim().max(200).optional().describe('Recipient address or subject contains this.'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type OutboxQuery = z.input<typeof outboxQuerySchema>;

export interface OutboxItem {
  id: string;
  to: string;
  recipient: { id: string; name: string } | null;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

export interface OutboxPage {
  items: OutboxItem[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<OutboxStatus, number>;
  /** Whether this installation has a mail server (SMTP_URL) to send with. */
  sending: boolean;
}
