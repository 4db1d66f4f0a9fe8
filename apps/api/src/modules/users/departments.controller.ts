import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { DepartmentView } from '@countersign/contracts/directory';
import {
  departmentNameSchema,
  mergeDepartmentSchema,
  type DepartmentMergeResult,
} from '@countersign/contracts/people';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { DepartmentsService } from './departments.service.js';

/** Changes to departments; the list is GET /api/departments (DirectoryController). */
@ApiTags('directory')
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Post()
  @Authenticated({ permission: 'people:manage', summary: 'Create a department.' })
  @ApiBody({ schema: z.toJSONSchema(departmentNameSchema, { io: 'input' }) as object })
  create(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(departmentNameSchema)) body: z.infer<typeof departmentNameSchema>,
  ): Promise<DepartmentView> {
    return this.departments.create(auth, body.name);
  }

  @Put(':departmentId')
  @Authenticated({ permission: 'people:manage', summary: 'Rename a department.' })
  @ApiBody({ schema: z.toJSONSchema(departmentNameSchema, { io: 'input' }) as object })
  rename(
    @CurrentUser() auth: AuthContext,
    @Param('departmentId', new UuidParamPipe('departmentId')) departmentId: string,
    @Body(new ZodValidationPipe(departmentNameSchema)) body: z.infer<typeof departmentNameSchema>,
  ): Promise<DepartmentView> {
    return this.departments.rename(auth, departmentId, body.name);
  }

  @Post(':departmentId/merge')
  @HttpCode(200)
  @Authenticated({
    permission: 'people:manage',
    summary: 'Move everyone of a department into another, then delete it.',
  })
  @ApiBody({ schema: z.toJSONSchema(mergeDepartmentSchema, { io: 'input' }) as object })
  merge(
    @CurrentUser() auth: AuthContext,
    @Param('departmentId', new UuidParamPipe('departmentId')) departmentId: string,
    @Body(new ZodValidationPipe(mergeDepartmentSchema)) body: z.infer<typeof mergeDepartmentSchema>,
  ): Promise<DepartmentMergeResult> {
    return this.departments.merge(auth, departmentId, body.intoDepartmentId);
  }

  @Delete(':departmentId')
  @HttpCode(204)
  @Authenticated({ permission: 'people:manage', summary: 'Delete an empty department (409 otherwise).' })
  remove(
    @CurrentUser() auth: AuthContext,
    @Param('departmentId', new UuidParamPipe('departmentId')) departmentId: string,
  ): Promise<void> {
    return this.departments.remove(auth, departmentId);
  }
}
