import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AuthoringModuleDetail,
  DraftView,
  LibraryModule,
  LibraryStatus,
  ModuleExportDocument,
  PersonRef,
  PublishedView,
  SaveDraftResponse,
  VersionDiffResponse,
  VersionHistoryEntry,
} from '@countersign/contracts/authoring';
import { moduleExportDocumentSchema } from '@countersign/contracts/authoring';
import { RED_FLAG_KEYS } from '@countersign/curriculum';
import {
  diffModules,
  parseDraft,
  validateModule,
  type ModuleContent,
  type ValidationIssue,
} from '@countersign/scenario-engine';
import { DataSource, type EntityManager } from 'typeorm';
import type { FieldIssue } from '@countersign/contracts/common';
import { MEDIA_ERROR_CODES, type ExportedMedia } from '@countersign/contracts/media';
import type { AuthContext } from '../../common/auth-context.js';
import { conflict, DomainError, notFound, unprocessable } from '../../common/domain-error.js';
import { reencodeImage, type ReencodedImage } from '../media/image-reencoder.js';
import { AuditService } from '../audit/audit.service.js';
import { MediaService } from '../media/media.service.js';
import { ModuleVersion } from '../training/module-version.entity.js';
import { TrainingModule } from '../training/training-module.entity.js';
import { parseAuthored } from './authoring-input.js';
import { mediaReferences, rewriteMediaReferences } from './media-references.js';
import { starterContent } from './starter-content.js';

export interface ModuleMeta {
  title: string;
  summary: string;
  estimatedMinutes: number;
}

/** Where a new module came from, as its `module.created` event records it. */
type ModuleOrigin =
  | { source: 'new' | 'import' }
  | { source: 'duplicate'; duplicatedFrom: { moduleId: string; version: number } };

export interface SaveDraftInput {
  content: unknown;
  baseRevision: number | null;
}

interface LibraryRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  estimated_minutes: number;
  built_in: boolean;
  archived_at: Date | null;
  latest_status: 'draft' | 'published' | 'archived' | null;
  published_version: number | null;
  draft_version: number | null;
  editor_id: string | null;
  editor_name: string | null;
  edited_at: Date | null;
  assignees: number;
  open_assignees: number;
  completed_assignees: number;
}

/**
 * Authoring of an organisation's modules. A module has at most one draft (the only version that
 * may change); publishing freezes it, and the database trigger keeps published versions frozen.
 * Learners always start on the newest published version; attempts keep the version they began.
 */
@Injectable()
export class AuthoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly media: MediaService,
    private readonly audit: AuditService,
  ) {}

  async library(organisationId: string, moduleId?: string): Promise<LibraryModule[]> {
    const rows = await this.dataSource.query<LibraryRow[]>(
      `SELECT m.id, m.slug, m.title, m.summary, m.estimated_minutes, m.built_in, m.archived_at,
              lv.status AS latest_status,
              (SELECT max(p.version) FROM module_version p
                WHERE p.module_id = m.id AND p.status = 'published') AS published_version,
              (SELECT d.version FROM module_version d
                WHERE d.module_id = m.id AND d.status = 'draft') AS draft_version,
              u.id AS editor_id, u.name AS editor_name,
              coalesce(lv.last_edited_at, lv.published_at, lv.created_at) AS edited_at,
              ac.assignees, ac.open_assignees, ac.completed_assignees
         FROM training_module m
         LEFT JOIN LATERAL (
           SELECT count(DISTINCT a.user_id)::int AS assignees,
                  count(DISTINCT a.user_id) FILTER (WHERE a.status <> 'completed' AND au.active)::int
                    AS open_assignees,
                  count(DISTINCT a.user_id) FILTER (WHERE a.status = 'completed')::int AS completed_assignees
             FROM assignment a JOIN app_user au ON au.id = a.user_id
            WHERE a.organisation_id = m.organisation_id AND a.module_id = m.id
         ) ac ON true
         LEFT JOIN LATERAL (
           SELECT v.status, v.last_edited_by, v.last_edited_at, v.published_by, v.published_at, v.created_at
             FROM module_version v WHERE v.module_id = m.id ORDER BY v.version DESC LIMIT 1
         ) lv ON true
         LEFT JOIN app_user u ON u.id = coalesce(lv.last_edited_by, lv.published_by)
        WHERE m.organisation_id = $1 AND ($2::uuid IS NULL OR m.id = $2)
        ORDER BY m.sort_order, m.created_at, m.title`,
      [organisationId, moduleId ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      estimatedMinutes: r.estimated_minutes,
      builtIn: r.built_in,
      status: (r.archived_at ? 'archived' : (r.latest_status ?? 'draft')) as LibraryStatus,
      publishedVersion: r.published_version,
      draftVersion: r.draft_version,
      lastEditedBy: r.editor_id ? { id: r.editor_id, name: r.editor_name ?? '' } : null,
      lastEditedAt: r.edited_at ? new Date(r.edited_at).toISOString() : null,
      assignees: r.assignees,
      openAssignees: r.open_assignees,
      completedAssignees: r.completed_assignees,
    }));
  }

  async create(auth: AuthContext, meta: ModuleMeta): Promise<AuthoringModuleDetail> {
    const moduleId = await this.createWithDraft(auth, meta, starterContent(meta.title), { source: 'new' });
    return this.detail(auth, moduleId);
  }

  async duplicate(auth: AuthContext, moduleId: string): Promise<AuthoringModuleDetail> {
    const source = await this.findModule(this.dataSource.manager, auth.organisationId, moduleId);
    const latest = await this.dataSource.manager.findOne(ModuleVersion, {
      where: { organisationId: auth.organisationId, moduleId },
      order: { version: 'DESC' },
    });
    if (!latest) throw notFound('The module version');
    const copyId = await this.createWithDraft(
      auth,
      {
        title: `Copy of ${source.title}`.slice(0, 200),
        summary: source.summary,
        estimatedMinutes: source.estimatedMinutes,
      },
      latest.content,
      { source: 'duplicate', duplicatedFrom: { moduleId, version: latest.version } },
    );
    return this.detail(auth, copyId);
  }

  /** Archives or brings back a module; recorded when it changes (archiving twice records once). */
  async setArchived(auth: AuthContext, moduleId: string, archived: boolean): Promise<LibraryModule> {
    await this.dataSource.transaction(async (tx) => {
      const [before] = await tx.query<{ archived_at: Date | null; title: string }[]>(
        `SELECT archived_at, title FROM training_module WHERE id = $1 AND organisation_id = $2 FOR UPDATE`,
        [moduleId, auth.organisationId],
      );
      if (!before) throw notFound('The module');
      if ((before.archived_at !== null) === archived) return;
      await tx.query(
        `UPDATE training_module SET archived_at = CASE WHEN $3 THEN now() END WHERE id = $1 AND organisation_id = $2`,
        [moduleId, auth.organisationId, archived],
      );
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: archived ? 'module.archived' : 'module.unarchived',
        subjectType: 'training_module',
        subjectId: moduleId,
        details: { title: before.title, before: { archived: !archived }, after: { archived } },
      });
    });
    const [row] = await this.library(auth.organisationId, moduleId);
    return row!;
  }

  async detail(auth: AuthContext, moduleId: string): Promise<AuthoringModuleDetail> {
    const manager = this.dataSource.manager;
    const module = await this.findModule(manager, auth.organisationId, moduleId);
    const [draft, published] = await Promise.all([
      manager.findOneBy(ModuleVersion, { organisationId: auth.organisationId, moduleId, status: 'draft' }),
      manager.findOne(ModuleVersion, {
        where: { organisationId: auth.organisationId, moduleId, status: 'published' },
        order: { version: 'DESC' },
      }),
    ]);
    const people = await this.people(auth.organisationId, [draft?.lastEditedBy, published?.publishedBy]);
    return {
      module: {
        id: module.id,
        slug: module.slug,
        title: module.title,
        summary: module.summary,
        estimatedMinutes: module.estimatedMinutes,
        builtIn: module.builtIn,
        archived: module.archivedAt !== null,
      },
      draft: draft ? toDraftView(draft, people) : null,
      published: published ? toPublishedView(published, people) : null,
      issues: draft ? issuesOf(draft.content) : [],
    };
  }

  /**
   * Autosave. A draft is saved whatever its state: blank texts, a missing answer, a dangling
   * link are saved and come back as `issues`, in plain words, so the editor can mark them while
   * the author works; only publishing needs the module valid. Refused (400 naming the path) is
   * only what no draft may hold: a wrong type, an unknown kind, text over its limit, a bad id.
   */
  async saveDraft(auth: AuthContext, moduleId: string, input: SaveDraftInput): Promise<SaveDraftResponse> {
    const content = draftContent(input.content);
    const saved = await this.dataSource.transaction(async (tx) => {
      await this.findModule(tx, auth.organisationId, moduleId);
      await this.assertMediaExist(tx, auth.organisationId, content, 'content.');
      const draft = await tx.findOneBy(ModuleVersion, {
        organisationId: auth.organisationId,
        moduleId,
        status: 'draft',
      });
      if (draft) {
        if (input.baseRevision !== draft.revision) throw draftConflict(draft.revision);
        const updated = await tx.query<unknown[]>(
          `UPDATE module_version
              SET content = $3::jsonb, pass_mark = $4, revision = revision + 1,
                  last_edited_by = $5, last_edited_at = now()
            WHERE id = $1 AND organisation_id = $2 AND status = 'draft' AND revision = $6
            RETURNING id`,
          [
            draft.id,
            auth.organisationId,
            JSON.stringify(content),
            content.quiz.passMark,
            auth.userId,
            draft.revision,
          ],
        );
        if (rowsOf(updated).length === 0) throw draftConflict(null);
        return draft.id;
      }
      // No draft: editing the published module starts the next version from this content.
      if (input.baseRevision !== null) throw draftConflict(null);
      const draftId = await this.insertDraft(tx, auth, moduleId, content);
      const [started] = await tx.query<{ version: number }[]>(
        `SELECT version FROM module_version WHERE id = $1`,
        [draftId],
      );
      // Each save of a draft is kept by the draft itself (revision, last editor); starting one is
      // recorded, as publishing it will be: what learners get only changes by publishing.
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'module.draft-created',
        subjectType: 'training_module',
        subjectId: moduleId,
        details: { version: started!.version, basedOnVersion: started!.version - 1 },
      });
      return draftId;
    });
    const draft = await this.dataSource.manager.findOneByOrFail(ModuleVersion, { id: saved });
    const people = await this.people(auth.organisationId, [draft.lastEditedBy]);
    return { draft: toDraftView(draft, people), issues: issuesOf(draft.content) };
  }

  /**
   * Publishes the draft with its change note; refused with every validation issue while any error
   * stands. The note is written by the same UPDATE that publishes: afterwards the trigger freezes it.
   */
  async publish(
    auth: AuthContext,
    moduleId: string,
    note: string | null,
    recompletion: { dueDays: number } | null = null,
  ): Promise<AuthoringModuleDetail> {
    await this.dataSource.transaction(async (tx) => {
      // Serialises publishing and draft creation of this module.
      const locked = await tx.query<unknown[]>(
        `SELECT id FROM training_module WHERE id = $1 AND organisation_id = $2 FOR UPDATE`,
        [moduleId, auth.organisationId],
      );
      if (rowsOf(locked).length === 0) throw notFound('The module');
      const draft = await tx.findOneBy(ModuleVersion, {
        organisationId: auth.organisationId,
        moduleId,
        status: 'draft',
      });
      if (!draft) throw conflict('no_draft', 'There is no draft to publish: edit the module first.');
      await this.assertMediaExist(tx, auth.organisationId, draft.content, 'content.');
      const result = validateModule(draft.content, { redFlagKeys: RED_FLAG_KEYS });
      if (!result.ok) {
        throw unprocessable(
          'invalid_module',
          `The draft can't be published while ${result.issues.length} problem(s) stand.`,
          result.issues,
        );
      }
      await tx.query(
        `UPDATE module_version
            SET status = 'published', content = $3::jsonb, pass_mark = $4,
                published_at = now(), published_by = $5, change_note = $6
          WHERE id = $1 AND organisation_id = $2 AND status = 'draft'`,
        [
          draft.id,
          auth.organisationId,
          JSON.stringify(result.content),
          result.content.quiz.passMark,
          auth.userId,
          note,
        ],
      );
      const reopened = recompletion
        ? await this.openNextCycles(tx, auth.organisationId, moduleId, recompletion)
        : 0;
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'module.published',
        subjectType: 'training_module',
        subjectId: moduleId,
        details: {
          version: draft.version,
          note,
          requireRecompletion: recompletion,
          cyclesOpened: reopened,
        },
      });
    });
    return this.detail(auth, moduleId);
  }

  /**
   * "Everyone must complete again": the current completed assignment of each active person is
   * superseded by the next cycle, due `dueDays` from now; the completion stays as evidence.
   */
  private async openNextCycles(
    tx: EntityManager,
    organisationId: string,
    moduleId: string,
    { dueDays }: { dueDays: number },
  ): Promise<number> {
    await tx.query(`SET LOCAL statement_timeout = '10min'`); // 100,000 people: one statement each way
    const [superseded] = await tx.query<
      [{ user_id: string; cycle: number; source: string; rule_id: string | null }[], number]
    >(
      `UPDATE assignment a SET superseded_at = now()
         FROM app_user u
        WHERE a.organisation_id = $1 AND a.module_id = $2 AND a.superseded_at IS NULL AND a.status = 'completed'
          AND u.id = a.user_id AND u.active
      RETURNING a.user_id, a.cycle, a.source, a.rule_id`,
      [organisationId, moduleId],
    );
    if (!superseded.length) return 0;
    await tx.query(
      `INSERT INTO assignment (organisation_id, user_id, module_id, cycle, due_date, source, rule_id)
       SELECT $1, n.user_id, $2, n.cycle + 1, current_date + $3::int, n.source, n.rule_id
         FROM unnest($4::uuid[], $5::int[], $6::text[], $7::uuid[]) AS n (user_id, cycle, source, rule_id)`,
      [
        organisationId,
        moduleId,
        dueDays,
        superseded.map((r) => r.user_id),
        superseded.map((r) => r.cycle),
        superseded.map((r) => (r.source === 'seed' ? 'manual' : r.source)),
        superseded.map((r) => r.rule_id),
      ],
    );
    return superseded.length;
  }

  async versions(auth: AuthContext, moduleId: string): Promise<VersionHistoryEntry[]> {
    await this.findModule(this.dataSource.manager, auth.organisationId, moduleId);
    const rows = await this.dataSource.query<
      {
        id: string;
        version: number;
        status: VersionHistoryEntry['status'];
        created_at: Date;
        published_at: Date | null;
        published_by: string | null;
        publisher_name: string | null;
        change_note: string | null;
        completions: number;
      }[]
    >(
      `SELECT v.id, v.version, v.status, v.created_at, v.published_at, v.published_by, u.name AS publisher_name,
              v.change_note, coalesce(c.completions, 0)::int AS completions
         FROM module_version v
         LEFT JOIN app_user u ON u.id = v.published_by
         LEFT JOIN (SELECT module_version_id, count(*) AS completions
                      FROM completion
                     WHERE organisation_id = $1 AND module_id = $2
                     GROUP BY module_version_id) c ON c.module_version_id = v.id
        WHERE v.organisation_id = $1 AND v.module_id = $2
        ORDER BY v.version DESC`,
      [auth.organisationId, moduleId],
    );
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      publishedBy: r.published_by ? { id: r.published_by, name: r.publisher_name ?? '' } : null,
      changeNote: r.change_note,
      completions: r.completions,
    }));
  }

  async diff(auth: AuthContext, moduleId: string, from: number, to: number): Promise<VersionDiffResponse> {
    const [a, b] = await Promise.all([
      this.findVersion(auth.organisationId, moduleId, from),
      this.findVersion(auth.organisationId, moduleId, to),
    ]);
    return { from, to, diff: diffModules(a.content, b.content) };
  }

  async exportVersion(
    auth: AuthContext,
    moduleId: string,
    version: number,
  ): Promise<{ slug: string; document: ModuleExportDocument }> {
    const module = await this.findModule(this.dataSource.manager, auth.organisationId, moduleId);
    const v = await this.findVersion(auth.organisationId, moduleId, version);
    const media = await this.media.forExport(
      auth.organisationId,
      mediaReferences(v.content, '').map((r) => r.mediaId),
    );
    return {
      slug: module.slug,
      document: {
        format: 'countersign.module',
        formatVersion: 1,
        module: { title: module.title, summary: module.summary, estimatedMinutes: module.estimatedMinutes },
        content: v.content,
        media,
      },
    };
  }

  /**
   * Imports an exported document as a new module whose version 1 is a draft, never published.
   * The images the content refers to are re-created in the caller's organisation from the
   * document's `media` (checked and re-encoded like an upload) and the photoUrls rewritten to
   * them; a photoUrl without an image in `media` must name an image of the organisation already.
   */
  async import(auth: AuthContext, body: unknown): Promise<AuthoringModuleDetail> {
    const document = parseAuthored(moduleExportDocumentSchema, body, '', 'module document');
    const images = await this.importedImages(document.content, document.media);
    const moduleId = await this.dataSource.transaction(async (tx) => {
      const mapping = new Map<string, string>();
      for (const [oldId, image] of images) mapping.set(oldId, (await this.media.store(tx, auth, image)).id);
      const content = rewriteMediaReferences(document.content, mapping);
      await this.assertMediaExist(tx, auth.organisationId, content, 'content.');
      return this.insertModule(tx, auth, document.module, content, { source: 'import' });
    });
    return this.detail(auth, moduleId);
  }

  /** Re-encodes each image of the document that the content refers to, by its old id. */
  private async importedImages(
    content: ModuleContent,
    media: readonly ExportedMedia[],
  ): Promise<Map<string, ReencodedImage>> {
    const referenced = new Set(mediaReferences(content, '').map((r) => r.mediaId));
    const images = new Map<string, ReencodedImage>();
    for (const [index, entry] of media.entries()) {
      if (!referenced.has(entry.id) || images.has(entry.id)) continue;
      const path = `media[${index}]`;
      let image: ReencodedImage;
      try {
        image = await reencodeImage(Buffer.from(entry.data, 'base64'), `${path}.data`);
      } catch (error) {
        // Inside a JSON document every image problem is a 422 naming the entry, whatever the upload status.
        if (error instanceof DomainError)
          throw new DomainError(422, error.code, `${path}: ${error.message}`, error.details);
        throw error;
      }
      if (image.contentType !== entry.contentType) {
        throw unprocessable(
          MEDIA_ERROR_CODES.invalidImage,
          `${path}: the data is ${image.contentType}, but contentType says ${entry.contentType}.`,
          [{ field: `${path}.contentType`, message: `must be ${image.contentType}, the type of the data` }],
        );
      }
      images.set(entry.id, image);
    }
    return images;
  }

  /** Each photoUrl must name an image of the organisation: 422 naming every path that doesn't. */
  private async assertMediaExist(
    manager: EntityManager,
    organisationId: string,
    content: ModuleContent,
    prefix: string,
  ): Promise<void> {
    const references = mediaReferences(content, prefix);
    if (references.length === 0) return;
    const found = await this.media.existing(
      manager,
      organisationId,
      references.map((r) => r.mediaId),
    );
    const details: FieldIssue[] = references
      .filter((r) => !found.has(r.mediaId))
      .map((r) => ({ field: r.path, message: 'is not an image uploaded to your organisation' }));
    if (details.length === 0) return;
    throw unprocessable(
      MEDIA_ERROR_CODES.unknownMedia,
      `${details[0]!.field} is not an image uploaded to your organisation: upload the picture again.` +
        (details.length > 1 ? ` (and ${details.length - 1} more)` : ''),
      details,
    );
  }

  private async createWithDraft(
    auth: AuthContext,
    meta: ModuleMeta,
    content: ModuleContent,
    origin: ModuleOrigin,
  ): Promise<string> {
    return this.dataSource.transaction((tx) => this.insertModule(tx, auth, meta, content, origin));
  }

  /** A new module with its version 1 draft, recorded as created (new, duplicated or imported). */
  private async insertModule(
    tx: EntityManager,
    auth: AuthContext,
    meta: ModuleMeta,
    content: ModuleContent,
    origin: ModuleOrigin,
  ): Promise<string> {
    const module = await tx.save(
      tx.create(TrainingModule, {
        organisationId: auth.organisationId,
        slug: slugFor(meta.title),
        title: meta.title,
        summary: meta.summary,
        estimatedMinutes: meta.estimatedMinutes,
        builtIn: false,
        sortOrder: 1000,
        archivedAt: null,
      }),
    );
    await this.insertDraft(tx, auth, module.id, content);
    await this.audit.record(tx, {
      organisationId: auth.organisationId,
      actorId: auth.userId,
      action: 'module.created',
      subjectType: 'training_module',
      subjectId: module.id,
      details: {
        ...origin,
        before: null,
        after: { title: meta.title, summary: meta.summary, estimatedMinutes: meta.estimatedMinutes },
      },
    });
    return module.id;
  }

  private async insertDraft(
    tx: EntityManager,
    auth: AuthContext,
    moduleId: string,
    content: ModuleContent,
  ): Promise<string> {
    try {
      const rows = await tx.query<unknown[]>(
        `INSERT INTO module_version
           (organisation_id, module_id, version, status, content, pass_mark, revision, last_edited_by, last_edited_at)
         SELECT $1, $2, coalesce(max(version), 0) + 1, 'draft', $3::jsonb, $4, 0, $5, now()
           FROM module_version WHERE module_id = $2
         RETURNING id`,
        [auth.organisationId, moduleId, JSON.stringify(content), content.quiz.passMark, auth.userId],
      );
      return (rowsOf(rows)[0] as { id: string }).id;
    } catch (error) {
      // Another tab created the draft (or a version) at the same moment.
      if (isUniqueViolation(error)) throw draftConflict(null);
      throw error;
    }
  }

  private async findModule(manager: EntityManager, organisationId: string, moduleId: string) {
    const module = await manager.findOneBy(TrainingModule, { id: moduleId, organisationId });
    if (!module) throw notFound('The module');
    return module;
  }

  private async findVersion(
    organisationId: string,
    moduleId: string,
    version: number,
  ): Promise<ModuleVersion> {
    const v = await this.dataSource.manager.findOneBy(ModuleVersion, { organisationId, moduleId, version });
    if (!v) throw notFound(`Version ${version} of the module`);
    return v;
  }

  private async people(
    organisationId: string,
    ids: readonly (string | null | undefined)[],
  ): Promise<Map<string, PersonRef>> {
    const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
    if (wanted.length === 0) return new Map();
    const rows = await this.dataSource.query<PersonRef[]>(
      `SELECT id, name FROM app_user WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [organisationId, wanted],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }]));
  }
}

function draftContent(input: unknown): ModuleContent {
  const parsed = parseDraft(input);
  if (parsed.ok) return parsed.content;
  const details: FieldIssue[] = parsed.issues.map((issue) => ({
    field: issue.path ? `content.${issue.path}` : 'content',
    message: issue.message,
  }));
  const summary = details
    .slice(0, 3)
    .map((d) => d.message)
    .join(' ');
  const more = details.length > 3 ? ` (and ${details.length - 3} more)` : '';
  throw new DomainError(400, 'validation_failed', `The draft can't be saved: ${summary}${more}`, details);
}

function issuesOf(content: ModuleContent): ValidationIssue[] {
  return validateModule(content, { redFlagKeys: RED_FLAG_KEYS }).issues;
}

function toDraftView(v: ModuleVersion, people: Map<string, PersonRef>): DraftView {
  return {
    id: v.id,
    version: v.version,
    revision: v.revision,
    content: v.content,
    createdAt: v.createdAt.toISOString(),
    lastEditedBy: v.lastEditedBy ? (people.get(v.lastEditedBy) ?? null) : null,
    lastEditedAt: v.lastEditedAt ? v.lastEditedAt.toISOString() : null,
  };
}

function toPublishedView(v: ModuleVersion, people: Map<string, PersonRef>): PublishedView {
  return {
    id: v.id,
    version: v.version,
    content: v.content,
    publishedAt: (v.publishedAt ?? v.createdAt).toISOString(),
    publishedBy: v.publishedBy ? (people.get(v.publishedBy) ?? null) : null,
  };
}

function draftConflict(currentRevision: number | null) {
  return conflict(
    'draft_conflict',
    'The draft was changed elsewhere since you loaded it. Reload it before saving again.',
    currentRevision === null ? undefined : { currentRevision },
  );
}

/** `UPDATE … RETURNING` through the driver answers [rows, count]; SELECT answers rows. */
function rowsOf(result: unknown[]): unknown[] {
  return Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
}

function slugFor(title: string): string {
  const base =
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'module';
  return `${base}-${randomBytes(3).toString('hex')}`;
}

function isUniqueViolation(error: unknown): boolean {
  return (
    (typeof error === 'object' &&
      error !== null &&
      (error as { driverError?: { code?: string }; code?: string }).driverError?.code === '23505') ||
    (error as { code?: string } | null)?.code === '23505'
  );
}
