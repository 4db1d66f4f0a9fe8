import { INT32_MAX, textSchema } from '@countersign/contracts/common';
import { RED_FLAG_KEYS, redFlagByKey, type RedFlagKey } from '@countersign/curriculum';
import { z } from 'zod';
import { questionById } from './questions.js';
import { parsePattern, PatternSyntaxError, type CompiledPattern } from './text/pattern.js';

/**
 * A rule set is data: an organisation's admins may copy DEFAULT_RULES, edit weights, patterns and
 * thresholds, and store the result as JSON. `ruleSetSchema` is the one gate such a document
 * passes through: shapes first, then everything that needs the whole document (known flags,
 * known questions and options, unique ids, patterns that parse), with every message naming
 * the rule at fault, e.g.
 * `rule "travel-paid-for-you": pattern 2 "{cover ~3": gaps are not allowed inside a {group} at column 8`.
 *
 * How rules turn into a rating (see check.ts):
 * - an answer rule fires when any of its `optionIds` is among the answers to `questionId`;
 * - a text rule fires when any of its `patterns` matches a sentence of the pasted message (or, with
 *   `sentences: 2` or 3, a run of that many consecutive sentences) and no `unless` pattern matches
 *   that same stretch of text (so "we cannot cover your travel" can be told apart from "we will
 *   cover your travel");
 * - every fired rule raises its `flag`; a flag counts once, with the largest weight of the rules
 *   that raised it (a rule without `weight` uses the catalogue weight of its flag);
 * - the score is the sum of the raised flags' weights; `score >= thresholds.high` is high,
 *   `score >= thresholds.medium` is medium, anything less is low.
 */

const ruleId = textSchema
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');

// Flags are checked against the catalogue in the whole-document pass below, so that the error can
// name the rule; at field level any string is accepted.
const flagKey = z.custom<RedFlagKey>((value) => typeof value === 'string', 'a red-flag key is required');

const weight = z.number().min(0).max(10);

export const answerRuleSchema = z.strictObject({
  id: ruleId,
  questionId: textSchema.min(1),
  /** The rule fires when any of these options is chosen. */
  optionIds: z.array(textSchema.min(1)).min(1).max(20),
  flag: flagKey,
  /** Overrides the catalogue weight of the flag. */
  weight: weight.optional(),
  /** Why this answer is a warning sign, shown with the flag; a default is derived from the question. */
  explanation: textSchema.trim().min(1).max(500).optional(),
});

export const textRuleSchema = z.strictObject({
  id: ruleId,
  flag: flagKey,
  /** Overrides the catalogue weight of the flag. */
  weight: weight.optional(),
  /** Patterns in the language described in text/pattern.ts; any one matching fires the rule. */
  patterns: z.array(textSchema).min(1).max(60),
  /** A match is ignored when one of these patterns matches the same stretch of text (see `sentences`). */
  unless: z.array(textSchema).max(30).optional(),
  /**
   * How many consecutive sentences one match may span (1 to 3; default 1). Offers are often split
   * over two sentences ("We'd value a short paper from you. A generous honorarium is available.").
   */
  sentences: z.number().int().min(1).max(3).optional(),
  /** What the rule looks for, in a sentence an admin or employee can read. */
  description: textSchema.trim().min(1).max(500),
});

const baseRuleSetSchema = z.strictObject({
  /** Incremented by whoever edits the rules; reported with every evaluation. */
  version: z.number().int().min(1).max(INT32_MAX),
  thresholds: z.strictObject({
    medium: z.number().positive().max(100),
    high: z.number().positive().max(100),
  }),
  answerRules: z.array(answerRuleSchema).max(500),
  textRules: z.array(textRuleSchema).max(500),
});

function describePatternError(error: unknown): string {
  if (error instanceof PatternSyntaxError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export const ruleSetSchema = baseRuleSetSchema.superRefine((ruleSet, ctx) => {
  if (ruleSet.thresholds.high <= ruleSet.thresholds.medium) {
    ctx.addIssue({
      code: 'custom',
      path: ['thresholds', 'high'],
      message: `the high threshold (${ruleSet.thresholds.high}) must be above the medium threshold (${ruleSet.thresholds.medium})`,
    });
  }

  const seen = new Set<string>();
  const checkId = (id: string, path: (string | number)[]) => {
    if (seen.has(id))
      ctx.addIssue({ code: 'custom', path, message: `rule "${id}": the id is used by more than one rule` });
    seen.add(id);
  };
  const checkFlag = (id: string, flag: string, path: (string | number)[]) => {
    if (!redFlagByKey(flag)) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `rule "${id}": unknown red flag "${flag}" (known flags: ${RED_FLAG_KEYS.join(', ')})`,
      });
    }
  };

  ruleSet.answerRules.forEach((rule, index) => {
    const path = ['answerRules', index];
    checkId(rule.id, [...path, 'id']);
    checkFlag(rule.id, rule.flag, [...path, 'flag']);
    const question = questionById(rule.questionId);
    if (!question) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'questionId'],
        message: `rule "${rule.id}": unknown question "${rule.questionId}"`,
      });
      return;
    }
    const known = new Set(question.options.map((option) => option.id));
    rule.optionIds.forEach((optionId, k) => {
      if (!known.has(optionId)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'optionIds', k],
          message: `rule "${rule.id}": question "${question.id}" has no option "${optionId}"`,
        });
      } else if (rule.optionIds.indexOf(optionId) !== k) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'optionIds', k],
          message: `rule "${rule.id}": option "${optionId}" is listed twice`,
        });
      }
    });
  });

  ruleSet.textRules.forEach((rule, index) => {
    const path = ['textRules', index];
    checkId(rule.id, [...path, 'id']);
    checkFlag(rule.id, rule.flag, [...path, 'flag']);
    const checkPatterns = (list: readonly string[], key: 'patterns' | 'unless', label: string) => {
      list.forEach((source, k) => {
        try {
          parsePattern(source);
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, key, k],
            message: `rule "${rule.id}": ${label} ${k + 1} "${source}": ${describePatternError(error)}`,
          });
        }
      });
    };
    checkPatterns(rule.patterns, 'patterns', 'pattern');
    checkPatterns(rule.unless ?? [], 'unless', '"unless" pattern');
  });
});

export type AnswerRule = z.output<typeof answerRuleSchema>;
export type TextRule = z.output<typeof textRuleSchema>;
export type RuleSet = z.output<typeof ruleSetSchema>;

// --- Compilation ---------------------------------------------------------------------------------

export interface CompiledTextRule {
  readonly rule: TextRule;
  readonly patterns: readonly CompiledPattern[];
  readonly unless: readonly CompiledPattern[];
}

export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  readonly textRules: readonly CompiledTextRule[];
}

const compiledCache = new WeakMap<object, CompiledRuleSet>();

/**
 * Validates a rule set (throwing the ZodError of `ruleSetSchema` when it is invalid) and parses
 * its patterns once. Results are cached per rule-set object, so calling `checkApproach` many
 * times with the same rules costs one compilation; treat rule sets as immutable.
 */
export function compileRuleSet(rules: RuleSet): CompiledRuleSet {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const ruleSet = ruleSetSchema.parse(rules);
  const compiled: CompiledRuleSet = {
    ruleSet,
    textRules: ruleSet.textRules.map((rule) => ({
      rule,
      patterns: rule.patterns.map((source) => parsePattern(source)),
      unless: (rule.unless ?? []).map((source) => parsePattern(source)),
    })),
  };
  compiledCache.set(rules, compiled);
  return compiled;
}

export { DEFAULT_RULES } from './default-rules.js';
