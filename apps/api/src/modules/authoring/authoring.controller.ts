import { Body, Controller, Get, HttpCode, Param, type PipeTransform, Post, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  createModuleSchema,
  diffQuerySchema,
  moduleExportDocumentSchema,
  publishModuleSchema,
  saveDraftSchema,
  type AuthoringModuleDetail,
  type DiffQuery,
  type LibraryModule,
  type ModuleExportDocument,
  type SaveDraftResponse,
  type VersionDiffResponse,
  type VersionHistoryEntry,
} from '@countersign/contracts/authoring';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { DomainError } from '../../common/domain-error.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ValidatedQuery } from '../../common/validated-query.decorator.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { AuthoringService, type ModuleMeta, type SaveDraftInput } from './authoring.service.js';

/** The JSON Schema of an exported module document, published for people who generate modules. */
const EXPORT_DOCUMENT_JSON_SCHEMA = z.toJSONSchema(moduleExportDocumentSchema, { io: 'input' }) as object;

/** A version number in the path: a positive integer, else a 400 naming the parameter. */
class VersionParamPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const n = /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n)) {
      throw new DomainError(400, 'validation_failed', 'version must be a positive whole number.', [
        { field: 'version', message: 'must be a positive whole number' },
      ]);
    }
    return n;
  }
}

/** An optional body: a request without one reads as `{}` (publishing without a note). */
class OptionalBodyPipe implements PipeTransform<unknown, unknown> {
  transform(value: unknown): unknown {
    return value === undefined ? {} : value;
  }
}

@ApiTags('authoring')
@Controller('authoring')
export class AuthoringController {
  constructor(private readonly authoring: AuthoringService) {}

  @Get('modules')
  @Authenticated({
    permission: 'modules:author',
    summary: 'The module library: status, versions, last editor and number of assignees of each module.',
  })
  library(@CurrentUser() auth: AuthContext): Promise<LibraryModule[]> {
    return this.authoring.library(auth.organisationId);
  }

  @Post('modules')
  @Authenticated({
    permission: 'modules:author',
    summary: 'Creates a module whose version 1 is a draft holding a small valid starter scenario and quiz.',
  })
  @ApiBody({ schema: z.toJSONSchema(createModuleSchema, { io: 'input' }) as object })
  create(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(createModuleSchema)) body: ModuleMeta,
  ): Promise<AuthoringModuleDetail> {
    return this.authoring.create(auth, body);
  }

  @Post('modules/import')
  @Authenticated({
    permission: 'modules:author',
    summary:
      'Imports an exported module document as a new module with a draft (never published). Errors name the JSON path at fault.',
  })
  @ApiBody({ schema: EXPORT_DOCUMENT_JSON_SCHEMA })
  import(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<AuthoringModuleDetail> {
    return this.authoring.import(auth, body);
  }

  @Get('module-schema.json')
  @Authenticated({
    permission: 'modules:author',
    summary: 'The JSON Schema of the module export document (what export writes and import reads).',
  })
  @ApiOkResponse({ description: 'A JSON Schema (draft 2020-12) document.' })
  schema(): object {
    return EXPORT_DOCUMENT_JSON_SCHEMA;
  }

  @Get('modules/:moduleId')
  @Authenticated({
    permission: 'modules:author',
    summary:
      'A module with its current draft (if any), newest published version and the draft’s validation issues.',
  })
  detail(
    @CurrentUser() auth: AuthContext,
    @Param('moduleId', new UuidParamPipe('moduleId')) moduleId: string,
  ): Promise<AuthoringModuleDetail> {
    return this.authoring.detail(auth, moduleId);
  }

  @Post('modules/:moduleId/duplicate')
  @Authenticated({
    permission: 'modules:author',
    summary:
      'Copies a module (built-in ones too) into a new module whose draft holds the newest version’s content.',
  })
  duplicate(
    @CurrentUser() auth: AuthContext,
    @Param('moduleId', new UuidParamPipe('moduleId')) moduleId: string,
  ): Promise<AuthoringModuleDetail> {
    return this.authoring.duplicate(auth, moduleId);
  }

  @Post('modules/:moduleId/archive')
  @HttpCode(200)
  @Authenticated({
    permission: 'modules:author',
    summary: 'Archives a module: it stays in reports and history but can no longer be assigned.',
  })
  archive(
    @CurrentUser() auth: AuthContext,
    @Param('moduleId', new UuidParamPipe('moduleId')) moduleId: string,
  ): Promise<LibraryModule> {
    return this.authoring.setArchived(auth, moduleId, true);
  }

  @Post('modules/:moduleId/unarchive')
  @HttpCode(200)
  @Authenticated({ permission: 'modules:author', summary: 'Brings an archived module back.' })
  unarchive(
    @CurrentUser() auth: AuthContext,
    @Param('moduleId', new UuidParamPipe('moduleId')) moduleId: string,
  ): Promise<LibraryModule> {
    return this.authoring.setArchived(auth, moduleId, false);
  }

  @Put('modules/:moduleId/draft')
  @Authenticated({
    permission: 'modules:author',
    summary:
      'Saves the draft (creating the next version’s draft if none is open). A stale baseRevision answers 409 draft_conflict; graph problems come back as issues.',
  })
  @ApiBody({ schema: z.toJSONSchema(saveDraftSchema, { io: 'input' }) as object })
  saveDraft(
    @CurrentUser() auth: AuthContext,
    @Param('moduleId', new UuidParamPipe('moduleId')) moduleId: string,
    @Body(new ZodValidationPipe(saveDraftSchema)) body: SaveDraftInput,
  ): Promise<SaveDraftResponse> {
    return this.authoring.saveDraft(auth, moduleId, body);
  }

  @Post('modules/:moduleId/publish')
  @HttpCode(200)
  @Authenticated({
    permission: 'modules:author',
    summary:
      'Publishes the draft, freezing it with an optional note of what changed and why. Refused (422 invalid_module, issues in details) while any error stands.',
  })
  @ApiBody({ required: false, schema: z.toJSONSchema(publishModuleSchema, { io: 'input' }) as object })
  publish(
    @CurrentUser() auth: AuthContext,
    @Param('moduleId', new UuidParamPipe('moduleId')) moduleId: string,
    @Body(new OptionalBodyPipe(), new ZodValidationPipe(publishModuleSchema))
    body: z.output<typeof publishModuleSchema>,
  ): Promise<AuthoringModuleDetail> {
    return this.authoring.publish(auth, moduleId, body.note, body.requireRecompletion);
  }

  @Get('modules/:moduleId/versions')
  @Authenticated({
    permission: 'modules:author',
    summary: 'Version history, newest first: status, creation, and who published each version when.',
  })
  versions(
    @CurrentUser() auth: AuthContext,
    @Param('moduleId', new UuidParamPipe('moduleId')) moduleId: string,
  ): Promise<VersionHistoryEntry[]> {
    return this.authoring.versions(auth, moduleId);
  }

  @Get('modules/:moduleId/diff')
  @Authenticated({
    permission: 'modules:author',
    summary: 'What changed between two versions: steps and questions added, removed and changed.',
  })
  diff(
    @CurrentUser() auth: AuthContext,
    @Param('moduleId', new UuidParamPipe('moduleId')) moduleId: string,
    @ValidatedQuery(diffQuerySchema) query: DiffQuery,
  ): Promise<VersionDiffResponse> {
    return this.authoring.diff(auth, moduleId, query.from, query.to);
  }

  @Get('modules/:moduleId/versions/:version/export')
  @Authenticated({
    permission: 'modules:author',
    summary: 'One version as a portable JSON document (download), valid against module-schema.json.',
  })
  async export(
    @CurrentUser() auth: AuthContext,
    @Param('moduleId', new UuidParamPipe('moduleId')) moduleId: string,
    @Param('version', new VersionParamPipe()) version: number,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ModuleExportDocument> {
    const { slug, document } = await this.authoring.exportVersion(auth, moduleId, version);
    // The slug is lower-case letters, digits and hyphens only, so it is safe in the header as is.
    res.header('Content-Disposition', `attachment; filename="${slug}-v${version}.json"`);
    res.header('Cache-Control', 'private, no-store');
    return document;
  }
}
