import type { z } from 'zod';
import type { Role } from '../permissions/index.js';
import { pageQuerySchema, textSchema, uuidSchema } from '../common/index.js';

export interface DepartmentView {
  id: string;
  name: string;
  memberCount: number;
}

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  department: { id: string; name: string } | null;
  sensitivityTier: SensitivityTier;
}

export const SENSITIVITY_TIERS = ['standard', 'elevated', 'high'] as const;
export type SensitivityTier = (typeof SENSITIVITY_TIERS)[number];

export const userListQuerySchema = pageQuerySchema.extend({
  q: textSchema.trim().max(100).optional().describe('Part of the name or email address.'),
  departmentId: uuidSchema.optional(),
});
export type UserListQuery = z.input<typeof userListQuerySchema>;
