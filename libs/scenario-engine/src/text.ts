import { z } from 'zod';

/**
 * Text that can be stored and shown: what every string of a request (and of authored content) is
 * checked against. PostgreSQL refuses U+0000 in `text` and `jsonb`, and JSON's `\ud800` escape can
 * carry half of a UTF-16 character pair (a lone surrogate), which fails in `jsonb` and is silently
 * replaced in `text`. Both are refused where the request is read, naming the field.
 *
 * Defined here, in the lowest library, because the scenario model needs it and cannot depend on
 * contracts; request schemas take it from `@countersign/contracts/common`, which re-exports it.
 */

/** The `params.reason` of the issue a refused string raises: the API answers such issues with 422. */
export const UNSTORABLE_TEXT = 'unstorable_text';

export const UNSTORABLE_TEXT_MESSAGE =
  'contains a character that is not allowed (a NUL character or a broken Unicode character)';

/** U+0000, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/**
 * The check itself, for string schemas that are not plain strings (`z.url()`, `z.email()`):
 * `z.url().check(storableText)`.
 */
export const storableText = z.refine<string>((value) => isStorableText(value), {
  message: UNSTORABLE_TEXT_MESSAGE,
  params: { reason: UNSTORABLE_TEXT },
});

/** A string without NUL or lone surrogates. Chain as any string: `textSchema.trim().min(1).max(200)`. */
export const textSchema = z.string().check(storableText);

/** Deeper than this, a JSON value is refused rather than walked (and later stringified) further. */
const MAX_JSON_DEPTH = 64;

/**
 * Any JSON value whose strings and object keys are all storable text, no deeper than
 * {@link MAX_JSON_DEPTH}: for the parts of a request that are kept as they come (`z.unknown()`).
 * Each problem names its path (`answers.offer[2]`).
 */
export const storableJsonSchema = z.unknown().superRefine((root, ctx) => {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) ctx.addIssue(unstorable(path));
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_JSON_DEPTH) {
      ctx.addIssue({ code: 'custom', path, message: `is nested more than ${MAX_JSON_DEPTH} levels deep` });
      continue;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) {
        ctx.addIssue({ ...unstorable(path), message: `has a key that ${UNSTORABLE_TEXT_MESSAGE}` });
      } else stack.push({ value: item, path: [...path, key] });
    }
  }
});

function unstorable(path: (string | number)[]) {
  return {
    code: 'custom' as const,
    path,
    message: UNSTORABLE_TEXT_MESSAGE,
    params: { reason: UNSTORABLE_TEXT },
  };
}
