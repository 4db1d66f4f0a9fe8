import { RED_FLAG_KEYS, redFlagByKey, type RedFlagKey } from '@countersign/curriculum';
import { checkAnswersSchema, questionById, type CheckInput } from './questions.js';
import { compileRuleSet, DEFAULT_RULES, type CompiledTextRule, type RuleSet } from './rules.js';
import { matchInSentence } from './text/pattern.js';
import { tokenize, type Sentence } from './text/tokenize.js';

/**
 * The approach checker: answers and pasted text in, red flags with explanations and a
 * low / medium / high rating out. Pure and deterministic: no I/O, no clock, no randomness,
 * nothing stored; safe to run in the browser.
 */

export type Rating = 'low' | 'medium' | 'high';

export const RATINGS: readonly Rating[] = ['low', 'medium', 'high'];

export interface Evidence {
  source: 'answer' | 'text';
  ruleId: string;
  /** For answers: the question answered. */
  questionId?: string;
  /** For answers: the chosen options that fired the rule. */
  optionIds?: string[];
  /** For text: the matched span of the message, at most 160 characters. */
  excerpt?: string;
  /** For text: where the matched span starts and ends in the message (character offsets). */
  start?: number;
  end?: number;
  /** Why this evidence points to the flag: the rule's explanation or description. */
  note?: string;
}

export interface FlagFinding {
  key: RedFlagKey;
  title: string;
  explanation: string;
  advice: string;
  /** The largest weight among the rules that raised the flag. */
  weight: number;
  evidence: Evidence[];
}

export interface CheckResult {
  rating: Rating;
  score: number;
  /** Raised flags, heaviest first (catalogue order among equals). */
  flags: FlagFinding[];
  /** What to do next, for the rating. */
  advice: string[];
}

export const MAX_EXCERPT_LENGTH = 160;

export const RATING_ADVICE: Readonly<Record<Rating, readonly string[]>> = Object.freeze({
  high: [
    'Report this approach to your security team now: use "Report this approach" below, it takes two minutes.',
    'Do not reply, accept anything, click links or open attachments, and do not confront the sender.',
    'Keep the evidence: leave the conversation in place and save screenshots of the profile and messages.',
    'If you have already shared information, accepted money or agreed to travel, say so in your report: telling security early protects you.',
  ],
  medium: [
    'Report this approach to your security team, or talk it through with them before you do anything else.',
    'Until then, share nothing about your work, and do not move the conversation off the platform, accept payment or agree to travel.',
    'Keep a copy of the profile and the messages.',
  ],
  low: [
    'Nothing here points strongly to a hostile approach, but this check is a guide, not a verdict: stay alert.',
    'Check again if the contact offers money or travel, asks you to move off the platform or keep things quiet, or asks about your work.',
    'If something still feels wrong, report it anyway: your security team would rather hear about it.',
  ],
});

function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

interface TextHit {
  start: number;
  end: number;
}

// Stretches of several sentences are joined once per message and shared by all rules (which also
// lets the matcher reuse its per-stretch word index).
const stretchCache = new WeakMap<readonly Sentence[], Map<number, Sentence>>();

function stretchOf(sentences: readonly Sentence[], first: number, size: number): Sentence {
  if (size === 1) return sentences[first]!;
  let cache = stretchCache.get(sentences);
  if (!cache) {
    cache = new Map();
    stretchCache.set(sentences, cache);
  }
  const key = first * 8 + size;
  let stretch = cache.get(key);
  if (!stretch) {
    stretch = sentences.slice(first, first + size).flat();
    cache.set(key, stretch);
  }
  return stretch;
}

/**
 * The first place a text rule fires. The rule is tried on every stretch of 1 to `sentences`
 * consecutive sentences, in text order (shorter stretches first at each position); it fires on the
 * first stretch where one of its patterns matches and none of its `unless` patterns does, and the
 * evidence is the match that starts first in that stretch.
 *
 * Every single sentence is always tried on its own, so text added after a line break can add
 * matches but never veto one: adding text never lowers a score.
 */
export function findTextRuleMatch(
  compiled: CompiledTextRule,
  sentences: readonly Sentence[],
): TextHit | undefined {
  const span = compiled.rule.sentences ?? 1;
  for (let first = 0; first < sentences.length; first++) {
    for (let size = 1; size <= span && first + size <= sentences.length; size++) {
      const stretch = stretchOf(sentences, first, size);
      let best: TextHit | undefined;
      for (const pattern of compiled.patterns) {
        const match = matchInSentence(pattern, stretch);
        if (!match) continue;
        const hit = { start: stretch[match.first]!.start, end: stretch[match.last]!.end };
        if (!best || hit.start < best.start || (hit.start === best.start && hit.end < best.end)) best = hit;
      }
      if (best && !compiled.unless.some((pattern) => matchInSentence(pattern, stretch))) return best;
    }
  }
  return undefined;
}

function answerNote(questionId: string, optionIds: readonly string[]): string | undefined {
  const question = questionById(questionId);
  if (!question) return undefined;
  const labels = optionIds.map((id) => question.options.find((option) => option.id === id)?.label ?? id);
  return `You answered "${labels.join('", "')}" to "${question.prompt}"`;
}

const catalogueOrder = new Map<string, number>(RED_FLAG_KEYS.map((key, index) => [key, index]));

/** Rating for a score under the given thresholds. */
export function rateScore(score: number, thresholds: RuleSet['thresholds']): Rating {
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.medium) return 'medium';
  return 'low';
}

/**
 * Checks an approach. `input` is validated with `checkAnswersSchema` and `rules` with
 * `ruleSetSchema`; either throws a ZodError when invalid.
 */
export function checkApproach(input: CheckInput, rules: RuleSet = DEFAULT_RULES): CheckResult {
  const { answers, messageText } = checkAnswersSchema.parse(input);
  const compiled = compileRuleSet(rules);
  const found = new Map<RedFlagKey, { weight: number; evidence: Evidence[] }>();

  const raise = (flag: RedFlagKey, ruleWeight: number | undefined, evidence: Evidence) => {
    const weight = ruleWeight ?? redFlagByKey(flag)?.weight ?? 0;
    const entry = found.get(flag);
    if (entry) {
      entry.weight = Math.max(entry.weight, weight);
      entry.evidence.push(evidence);
    } else {
      found.set(flag, { weight, evidence: [evidence] });
    }
  };

  const answerMap = answers as Readonly<Record<string, string | readonly string[] | undefined>>;
  for (const rule of compiled.ruleSet.answerRules) {
    const answer = answerMap[rule.questionId];
    if (answer === undefined) continue;
    const chosen = typeof answer === 'string' ? [answer] : answer;
    const matched = rule.optionIds.filter((id) => chosen.includes(id));
    if (matched.length === 0) continue;
    const note = rule.explanation ?? answerNote(rule.questionId, matched);
    raise(rule.flag, rule.weight, {
      source: 'answer',
      ruleId: rule.id,
      questionId: rule.questionId,
      optionIds: matched,
      ...(note ? { note } : {}),
    });
  }

  if (messageText && messageText.trim().length > 0) {
    const sentences = tokenize(messageText);
    for (const textRule of compiled.textRules) {
      const hit = findTextRuleMatch(textRule, sentences);
      if (!hit) continue;
      raise(textRule.rule.flag, textRule.rule.weight, {
        source: 'text',
        ruleId: textRule.rule.id,
        excerpt: truncate(messageText.slice(hit.start, hit.end), MAX_EXCERPT_LENGTH),
        start: hit.start,
        end: hit.end,
        note: textRule.rule.description,
      });
    }
  }

  const flags: FlagFinding[] = [...found.entries()]
    .map(([key, { weight, evidence }]) => {
      const flag = redFlagByKey(key)!;
      return { key, title: flag.title, explanation: flag.explanation, advice: flag.advice, weight, evidence };
    })
    .sort((a, b) => b.weight - a.weight || catalogueOrder.get(a.key)! - catalogueOrder.get(b.key)!);

  // Rounded so that fractional weights set by admins do not produce 4.999999999.
  const score = Math.round(flags.reduce((sum, flag) => sum + flag.weight, 0) * 1000) / 1000;
  const rating = rateScore(score, compiled.ruleSet.thresholds);
  return { rating, score, flags, advice: [...RATING_ADVICE[rating]] };
}
