import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  type PipeTransform,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  outboxQuerySchema,
  TEMPLATE_KINDS,
  templateInputSchema,
  templatePreviewSchema,
  type OutboxItem,
  type OutboxPage,
  type TemplateKind,
  type TemplatePreview,
  type TemplateView,
} from '@countersign/contracts/programme';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { DomainError } from '../../common/domain-error.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ValidatedQuery } from '../../common/validated-query.decorator.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { OutboxAdminService } from './outbox-admin.service.js';
import { TemplatesService } from './templates.service.js';

/** `:kind` is one of the template kinds: anything else is a 400 naming it. */
const kindParam: PipeTransform<string, TemplateKind> = {
  transform(value: string): TemplateKind {
    if ((TEMPLATE_KINDS as readonly string[]).includes(value)) return value as TemplateKind;
    throw new DomainError(400, 'validation_failed', `kind must be one of ${TEMPLATE_KINDS.join(', ')}.`, [
      { field: 'kind', message: `must be one of ${TEMPLATE_KINDS.join(', ')}` },
    ]);
  },
};

@ApiTags('programme')
@Controller('programme')
export class ProgrammeAdminController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly outbox: OutboxAdminService,
  ) {}

  @Get('templates')
  @Authenticated({ permission: 'assignments:manage', summary: "The programme's email templates." })
  listTemplates(@CurrentUser() auth: AuthContext): Promise<TemplateView[]> {
    return this.templates.list(auth.organisationId);
  }

  @Put('templates/:kind')
  @Authenticated({
    permission: 'assignments:manage',
    summary: 'Save the organisation’s wording of an email (checked: syntax and placeholders).',
  })
  @ApiBody({ schema: z.toJSONSchema(templateInputSchema, { io: 'input' }) as object })
  saveTemplate(
    @CurrentUser() auth: AuthContext,
    @Param('kind', kindParam) kind: TemplateKind,
    @Body(new ZodValidationPipe(templateInputSchema)) body: z.infer<typeof templateInputSchema>,
  ): Promise<TemplateView> {
    return this.templates.save(auth, kind, body);
  }

  @Delete('templates/:kind')
  @Authenticated({ permission: 'assignments:manage', summary: 'Go back to the default English wording.' })
  resetTemplate(
    @CurrentUser() auth: AuthContext,
    @Param('kind', kindParam) kind: TemplateKind,
  ): Promise<TemplateView> {
    return this.templates.reset(auth, kind);
  }

  @Post('templates/:kind/preview')
  @HttpCode(200)
  @Authenticated({
    permission: 'assignments:manage',
    summary: 'Render a template (saved or not) with a real person’s data, as text and HTML.',
  })
  @ApiBody({ schema: z.toJSONSchema(templatePreviewSchema, { io: 'input' }) as object })
  previewTemplate(
    @CurrentUser() auth: AuthContext,
    @Param('kind', kindParam) kind: TemplateKind,
    @Body(new ZodValidationPipe(templatePreviewSchema)) body: z.infer<typeof templatePreviewSchema>,
  ): Promise<TemplatePreview> {
    return this.templates.preview(auth, kind, body, body.userId);
  }

  @Get('outbox')
  @Authenticated({
    permission: 'progress:read',
    summary: 'Every email of the organisation: queued, sent or failed, with the reason (never the body).',
  })
  listOutbox(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(outboxQuerySchema) query: z.infer<typeof outboxQuerySchema>,
  ): Promise<OutboxPage> {
    return this.outbox.list(auth.organisationId, query);
  }

  @Post('outbox/:emailId/retry')
  @HttpCode(200)
  @Authenticated({ permission: 'assignments:manage', summary: 'Queue a failed email again.' })
  retry(
    @CurrentUser() auth: AuthContext,
    @Param('emailId', new UuidParamPipe('emailId')) emailId: string,
  ): Promise<OutboxItem> {
    return this.outbox.retry(auth, emailId);
  }
}
