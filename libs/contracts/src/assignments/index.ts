import { z } from 'zod';
import { isoDateSchema, uuidSchema } from '../common/index.js';

export const createAssignmentsSchema = z
  .object({
    moduleId: uuidSchema,
    dueDate: isoDateSchema,
    departmentIds: z.array(uuidSchema).max(500).default([]),
    userIds: z.array(uuidSchema).max(5000).default([]),
  })
  .refine((v) => v.departmentIds.length + v.userIds.length > 0, {
    message: 'choose at least one department or person',
    path: ['departmentIds'],
  });
export type CreateAssignmentsRequest = z.input<typeof createAssignmentsSchema>;

export interface CreateAssignmentsResponse {
  /** People newly assigned. */
  created: number;
  /** People who already had this module assigned (their due date is left alone). */
  alreadyAssigned: number;
}
