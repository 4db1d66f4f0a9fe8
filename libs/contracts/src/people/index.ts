import { z } from 'zod';
import { isoDateSchema, type Page, pageQuerySchema, textSchema, uuidSchema } from '../common/index.js';
import { SENSITIVITY_TIERS, type SensitivityTier } from '../directory/index.js';
import { ROLES, type Role } from '../permissions/index.js';

/**
 * People and departments, as administrators manage them. Officers read the same list.
 *
 * A person's status: `invited` has never set a password, `active` can sign in, `deactivated` is a
 * leaver — cannot sign in, every session ended, kept with all training records as evidence, left
 * out of completion rates and new assignments.
 */
export const PERSON_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const PERSON_STATUS_LABELS: Readonly<Record<PersonStatus, string>> = {
  invited: 'Invited',
  active: 'Active',
  deactivated: 'Deactivated',
};

export interface PersonView {
  id: string;
  name: string;
  email: string;
  role: Role;
  department: { id: string; name: string } | null;
  manager: { id: string; name: string } | null;
  sensitivityTier: SensitivityTier;
  jobTitle: string | null;
  /** YYYY-MM-DD. */
  startDate: string | null;
  status: PersonStatus;
  /** When the person's newest unused invitation link expires (past: it has); null when none was sent. */
  invitationExpiresAt: string | null;
  lastSignInAt: string | null;
  createdAt: string;
}

/** GET /api/people: keyset pages in name order (ids break ties). */
export const personListQuerySchema = pageQuerySchema.extend({
  q: textSchema.trim().max(100).optional().describe('Part of the name or email address.'),
  departmentId: uuidSchema.optional(),
  role: z.enum(ROLES).optional(),
  tier: z.enum(SENSITIVITY_TIERS).optional().describe('Sensitivity tier.'),
  status: z.enum(PERSON_STATUSES).optional(),
  after: textSchema
    .trim()
    .min(1)
    .max(2000)
    .optional()
    .describe('The `nextCursor` of the page before: the page starts right after its last row.'),
});
export type PersonListQuery = z.input<typeof personListQuerySchema>;

export interface PersonPage extends Page<PersonView> {
  /** Pass as `after` (with `page + 1`) for the next page; null on the last page. */
  nextCursor: string | null;
}

const personFields = {
  name: textSchema.trim().min(1, { message: 'is required' }).max(200),
  email: z
    .email({ message: 'must be an email address' })
    .max(254)
    .transform((email) => email.toLowerCase()),
  role: z.enum(ROLES),
  departmentId: uuidSchema.nullable(),
  managerId: uuidSchema.nullable(),
  sensitivityTier: z.enum(SENSITIVITY_TIERS),
  /** An empty title is no title. */
  jobTitle: textSchema
    .trim()
    .max(200)
    .nullable()
    .transform((title) => title || null),
  startDate: isoDateSchema.nullable(),
};

/** POST /api/people. */
export const createPersonSchema = z
  .object({
    name: personFields.name,
    email: personFields.email,
    role: personFields.role.default('employee'),
    departmentId: personFields.departmentId.default(null),
    managerId: personFields.managerId.default(null),
    sensitivityTier: personFields.sensitivityTier.default('standard'),
    jobTitle: personFields.jobTitle.default(null),
    startDate: personFields.startDate.default(null),
  })
  .strict();
export type CreatePersonRequest = z.input<typeof createPersonSchema>;

/** PUT /api/people/{userId}: the fields sent change, the others stay as they are. */
export const updatePersonSchema = z
  .object({
    name: personFields.name.optional(),
    email: personFields.email.optional(),
    role: personFields.role.optional(),
    departmentId: personFields.departmentId.optional(),
    managerId: personFields.managerId.optional(),
    sensitivityTier: personFields.sensitivityTier.optional(),
    jobTitle: personFields.jobTitle.optional(),
    startDate: personFields.startDate.optional(),
  })
  .strict();
export type UpdatePersonRequest = z.input<typeof updatePersonSchema>;

/** POST /api/departments and PUT /api/departments/{departmentId}. */
export const departmentNameSchema = z
  .object({ name: textSchema.trim().min(1, { message: 'is required' }).max(200) })
  .strict();
export type DepartmentNameRequest = z.input<typeof departmentNameSchema>;

/** POST /api/departments/{departmentId}/merge: its people move to `intoDepartmentId`, then it is deleted. */
export const mergeDepartmentSchema = z.object({ intoDepartmentId: uuidSchema }).strict();
export type MergeDepartmentRequest = z.input<typeof mergeDepartmentSchema>;

export interface DepartmentMergeResult {
  into: { id: string; name: string; memberCount: number };
  moved: number;
}

/**
 * POST /api/people/{userId}/invitation: a new one-time link to set a password (valid 7 days); any
 * older invitation link of the person stops working. `email` sends it through the outbox (only
 * when the installation has a mail server); `link` hands it to the administrator to pass on.
 */
export const INVITATION_DELIVERIES = ['email', 'link'] as const;
export type InvitationDelivery = (typeof INVITATION_DELIVERIES)[number];
export const sendInvitationSchema = z
  .object({ delivery: z.enum(INVITATION_DELIVERIES).default('email') })
  .strict();
export type SendInvitationRequest = z.input<typeof sendInvitationSchema>;

export interface InvitationResult {
  delivery: InvitationDelivery;
  expiresAt: string;
  /** The link, for `link` delivery only: shown once, it is not stored. */
  link: string | null;
}

/** GET /api/people/invitations/settings: whether invitation emails can be sent at all. */
export interface InvitationSettings {
  emailEnabled: boolean;
  /** Days a link stays valid. */
  validDays: number;
}
