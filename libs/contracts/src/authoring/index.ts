import {
  draftContentSchema,
  type ModuleContent,
  type ModuleDiff,
  type ValidationIssue,
} from '@countersign/scenario-engine';
import { z } from 'zod';
import { INT32_MAX, storableJsonSchema, textSchema } from '../common/index.js';
import { exportedMediaSchema } from '../media/index.js';

/** Module authoring: the library, drafts, versions, publishing, import and export. */

export type LibraryStatus = 'draft' | 'published' | 'archived';

export interface PersonRef {
  id: string;
  name: string;
}

/** One row of the admin's module library. */
export interface LibraryModule {
  id: string;
  slug: string;
  title: string;
  summary: string;
  estimatedMinutes: number;
  builtIn: boolean;
  /** `archived` when the module is archived, else the status of its newest version. */
  status: LibraryStatus;
  /** Newest published version number, or null. */
  publishedVersion: number | null;
  /** Version number of the open draft, or null. */
  draftVersion: number | null;
  lastEditedBy: PersonRef | null;
  lastEditedAt: string | null;
  /** People with an assignment of this module. */
  assignees: number;
  /**
   * Active people whose assignment is still open (not started or in progress): archiving stops new
   * assignments, and these keep theirs and can still finish it.
   */
  openAssignees: number;
  /** People who completed it: their completion records stay whatever happens to the module. */
  completedAssignees: number;
}

export const moduleMetaSchema = z.object({
  title: textSchema.trim().min(1).max(200),
  summary: textSchema.trim().max(2000).default(''),
  estimatedMinutes: z.number().int().min(1).max(600).default(15),
});
export const createModuleSchema = moduleMetaSchema;
export type CreateModuleRequest = z.input<typeof createModuleSchema>;

/**
 * Autosave of the draft. `content` is checked against the draft content schema by the server:
 * shape and bounds only (400 naming the path); blank fields and graph problems don't block
 * saving and come back as `issues`, which also stop publishing.
 */
export const saveDraftSchema = z.object({
  content: storableJsonSchema,
  /** The draft revision the editor started from; null when no draft existed (editing a published version). */
  baseRevision: z.number().int().min(0).max(INT32_MAX).nullable(),
});
export type SaveDraftRequest = z.input<typeof saveDraftSchema>;

/** Longest "what changed and why" note a published version may carry. */
export const CHANGE_NOTE_MAX_LENGTH = 500;

/**
 * Publishing the draft. The body is optional; `note` says what changed and why, is shown in the
 * version history and is frozen with the version. Blank notes are stored as none.
 */
export const publishModuleSchema = z.object({
  note: textSchema
    .trim()
    .max(CHANGE_NOTE_MAX_LENGTH)
    .nullish()
    .transform((note) => note || null),
  /**
   * "Everyone must complete again": each active person who completed an earlier version gets the
   * next cycle of the module, due this many days after publishing (their completion stays).
   */
  requireRecompletion: z
    .object({ dueDays: z.number().int().min(1).max(3650) })
    .nullish()
    .transform((r) => r ?? null),
});
export type PublishModuleRequest = z.input<typeof publishModuleSchema>;

export interface DraftView {
  id: string;
  version: number;
  revision: number;
  content: ModuleContent;
  createdAt: string;
  lastEditedBy: PersonRef | null;
  lastEditedAt: string | null;
}

export interface PublishedView {
  id: string;
  version: number;
  content: ModuleContent;
  publishedAt: string;
  publishedBy: PersonRef | null;
}

export interface AuthoringModuleDetail {
  module: {
    id: string;
    slug: string;
    title: string;
    summary: string;
    estimatedMinutes: number;
    builtIn: boolean;
    archived: boolean;
  };
  draft: DraftView | null;
  /** The newest published version. */
  published: PublishedView | null;
  /** Validation of the draft (empty when there is no draft or it is valid). */
  issues: ValidationIssue[];
}

export interface SaveDraftResponse {
  draft: DraftView;
  issues: ValidationIssue[];
}

export interface VersionHistoryEntry {
  id: string;
  version: number;
  status: 'draft' | 'published' | 'archived';
  createdAt: string;
  publishedAt: string | null;
  publishedBy: PersonRef | null;
  /** What changed and why, as the publisher wrote it (plain text), or null. */
  changeNote: string | null;
  /** How many people completed the module on this version (each completion records its version). */
  completions: number;
}

export const diffQuerySchema = z.object({
  from: z.coerce.number().int().min(1).max(INT32_MAX),
  to: z.coerce.number().int().min(1).max(INT32_MAX),
});
export type DiffQuery = z.infer<typeof diffQuerySchema>;

export interface VersionDiffResponse {
  from: number;
  to: number;
  diff: ModuleDiff;
}

/**
 * The portable form of one module version: what export writes and import reads. `media` carries
 * the images the content's photoUrls refer to (`/api/media/<id>`, by `id`); import re-creates them
 * in the importing organisation (checked and re-encoded like an upload) and rewrites the photoUrls.
 * Entries no photoUrl refers to are ignored. Documents written before images existed have no `media`.
 */
export const moduleExportDocumentSchema = z.object({
  format: z.literal('countersign.module'),
  formatVersion: z.literal(1),
  module: moduleMetaSchema,
  /** Imported as a draft, so it may be an unfinished one (an exported draft); publishing checks it. */
  content: draftContentSchema,
  media: z.array(exportedMediaSchema).max(200).default([]),
});
export type ModuleExportDocument = z.output<typeof moduleExportDocumentSchema>;
