import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '@countersign/contracts/common';
import { userListQuerySchema, type DepartmentView, type UserSummary } from '@countersign/contracts/directory';
import type { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { ValidatedQuery } from '../../common/validated-query.decorator.js';
import { DirectoryService } from './directory.service.js';

@ApiTags('directory')
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('departments')
  @Authenticated({ permission: 'directory:read', summary: 'Departments with their member counts.' })
  departments(@CurrentUser() auth: AuthContext): Promise<DepartmentView[]> {
    return this.directory.departments(auth.organisationId);
  }

  @Get('users')
  @Authenticated({
    permission: 'directory:read',
    summary: 'People of the organisation, paginated, searchable.',
  })
  users(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(userListQuerySchema) query: z.infer<typeof userListQuerySchema>,
  ): Promise<Page<UserSummary>> {
    return this.directory.users(auth.organisationId, query);
  }
}
