import type { FieldIssue } from '@countersign/contracts/common';
import type { ValidationIssue } from '@countersign/scenario-engine';
import { isApiError } from '../../../lib/api-client';

/** Reading a module file chosen for import, and the problems the API names when it refuses one. */

export type ChosenFile =
  | { state: 'none' }
  | { state: 'reading'; file: File }
  | { state: 'invalid'; file: File; message: string }
  | { state: 'ready'; file: File; document: unknown; title: string | null };

/** Reads the chosen file as JSON; the document itself is passed on to the API untouched. */
export async function readModuleDocument(file: File): Promise<ChosenFile> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { state: 'invalid', file, message: 'The file could not be read. Choose it again.' };
  }
  let document: unknown;
  try {
    document = JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
    return {
      state: 'invalid',
      file,
      message: `“${file.name}” is not valid JSON${detail}. Choose a module file exported from Countersign, or one written to the module schema.`,
    };
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return {
      state: 'invalid',
      file,
      message: `“${file.name}” holds JSON, but not a module document: that is an object with “format”, “module” and “content”.`,
    };
  }
  // Only for the confirmation line; the API checks the whole document.
  const meta = (document as { module?: unknown }).module;
  const title =
    meta && typeof meta === 'object' && typeof (meta as { title?: unknown }).title === 'string'
      ? (meta as { title: string }).title
      : null;
  return { state: 'ready', file, document, title };
}

export interface ImportProblem {
  path: string;
  message: string;
}

/** The problems an API refusal names: `{ field, message }` (400) or validation issues `{ path, message }` (422). */
export function importProblems(error: unknown): ImportProblem[] {
  if (!isApiError(error) || !Array.isArray(error.details)) return [];
  return (error.details as Partial<FieldIssue & ValidationIssue>[])
    .filter((issue) => typeof issue.message === 'string')
    .map((issue) => ({ path: issue.field ?? issue.path ?? '', message: issue.message ?? '' }));
}
