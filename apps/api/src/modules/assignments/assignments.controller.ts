import { Body, Controller, Post } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { createAssignmentsSchema, type CreateAssignmentsResponse } from '@countersign/contracts/assignments';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { AssignmentsService } from './assignments.service.js';

@ApiTags('assignments')
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Post()
  @Authenticated({
    permission: 'assignments:manage',
    summary: 'Assign a published module to departments and people.',
  })
  @ApiBody({ schema: z.toJSONSchema(createAssignmentsSchema, { io: 'input' }) as object })
  assign(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(createAssignmentsSchema)) body: z.infer<typeof createAssignmentsSchema>,
  ): Promise<CreateAssignmentsResponse> {
    return this.assignments.assign(auth, body);
  }
}
