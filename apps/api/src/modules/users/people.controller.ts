import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  createPersonSchema,
  personListQuerySchema,
  sendInvitationSchema,
  updatePersonSchema,
  type InvitationResult,
  type InvitationSettings,
  type PersonPage,
  type PersonView,
} from '@countersign/contracts/people';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ValidatedQuery } from '../../common/validated-query.decorator.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { CredentialsService } from '../auth/credentials.service.js';
import { PeopleService } from './people.service.js';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly credentials: CredentialsService,
  ) {}

  @Get()
  @Authenticated({
    permission: 'directory:read',
    summary: 'Everyone of the organisation, deactivated people included, in name order (keyset pages).',
  })
  list(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(personListQuerySchema) query: z.infer<typeof personListQuerySchema>,
  ): Promise<PersonPage> {
    return this.people.list(auth.organisationId, query);
  }

  @Get('invitations/settings')
  @Authenticated({
    permission: 'people:manage',
    summary:
      'Whether invitations can be emailed here (a mail server is configured), and how long links last.',
  })
  invitationSettings(): InvitationSettings {
    return this.credentials.settings();
  }

  @Get(':userId')
  @Authenticated({ permission: 'directory:read', summary: 'One person.' })
  get(
    @CurrentUser() auth: AuthContext,
    @Param('userId', new UuidParamPipe('userId')) userId: string,
  ): Promise<PersonView> {
    return this.people.get(auth.organisationId, userId);
  }

  @Post()
  @Authenticated({ permission: 'people:manage', summary: 'Add a person (invited: no password yet).' })
  @ApiBody({ schema: z.toJSONSchema(createPersonSchema, { io: 'input' }) as object })
  create(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(createPersonSchema)) body: z.infer<typeof createPersonSchema>,
  ): Promise<PersonView> {
    return this.people.create(auth, body);
  }

  @Put(':userId')
  @Authenticated({
    permission: 'people:manage',
    summary: "Change a person's name, email, role, department, manager, tier, job title or start date.",
  })
  @ApiBody({ schema: z.toJSONSchema(updatePersonSchema, { io: 'input' }) as object })
  update(
    @CurrentUser() auth: AuthContext,
    @Param('userId', new UuidParamPipe('userId')) userId: string,
    @Body(new ZodValidationPipe(updatePersonSchema)) body: z.infer<typeof updatePersonSchema>,
  ): Promise<PersonView> {
    return this.people.update(auth, userId, body);
  }

  @Post(':userId/deactivate')
  @HttpCode(200)
  @Authenticated({
    permission: 'people:manage',
    summary: 'Deactivate a leaver: signed out at once, cannot sign in, training records kept.',
  })
  deactivate(
    @CurrentUser() auth: AuthContext,
    @Param('userId', new UuidParamPipe('userId')) userId: string,
  ): Promise<PersonView> {
    return this.people.deactivate(auth, userId);
  }

  @Post(':userId/reactivate')
  @HttpCode(200)
  @Authenticated({ permission: 'people:manage', summary: 'Let a deactivated person sign in again.' })
  reactivate(
    @CurrentUser() auth: AuthContext,
    @Param('userId', new UuidParamPipe('userId')) userId: string,
  ): Promise<PersonView> {
    return this.people.reactivate(auth, userId);
  }

  @Post(':userId/invitation')
  @HttpCode(200)
  @Authenticated({
    permission: 'people:manage',
    summary:
      'A new invitation link (7 days, single use) by email, or handed back to copy; older invitation links stop working.',
  })
  @ApiBody({ schema: z.toJSONSchema(sendInvitationSchema, { io: 'input' }) as object })
  invite(
    @CurrentUser() auth: AuthContext,
    @Param('userId', new UuidParamPipe('userId')) userId: string,
    @Body(new ZodValidationPipe(sendInvitationSchema)) body: z.infer<typeof sendInvitationSchema>,
  ): Promise<InvitationResult> {
    return this.credentials.invite(auth, userId, body.delivery);
  }
}
