import { RED_FLAG_KEYS, type RedFlagKey } from '@countersign/curriculum';
import { checkApproach, type Rating } from './check.js';
import type { CorpusMessage } from './corpus/types.js';
import type { RuleSet } from './rules.js';

/**
 * Measures a rule set against a corpus of labelled messages. Each message is checked as pasted
 * text only (no answers), exactly as `checkApproach` would check it.
 *
 * - Message level: a message is *flagged* when its rating is medium or high; the positive class
 *   is `hostile`. Precision = flagged hostile / all flagged; recall = flagged hostile / all hostile.
 * - Flag level: every (message, flag) pair is a prediction, compared with `expectedFlags`,
 *   micro-averaged over the corpus (benign messages count too: a genuine recruiter's cold
 *   opener is an expected `unsolicited-approach`). Per-flag figures are included.
 *
 * A ratio with an empty denominator (nothing predicted, or nothing expected) is reported as 1.
 */

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface MessageOutcome {
  id: string;
  hostile: boolean;
  rating: Rating;
  score: number;
  flagged: boolean;
  expectedFlags: RedFlagKey[];
  foundFlags: RedFlagKey[];
  /** Expected but not found. */
  missedFlags: RedFlagKey[];
  /** Found but not expected. */
  extraFlags: RedFlagKey[];
}

export interface CorpusEvaluation {
  rulesVersion: number;
  corpusSize: number;
  hostileCount: number;
  benignCount: number;
  messages: Counts & { trueNegatives: number; accuracy: number };
  flags: Counts & { perFlag: Partial<Record<RedFlagKey, Counts>> };
  /** One entry per corpus message, in corpus order. */
  outcomes: MessageOutcome[];
}

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? 1 : numerator / denominator);

function counts(truePositives: number, falsePositives: number, falseNegatives: number): Counts {
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

export function evaluateCorpus(rules: RuleSet, corpus: readonly CorpusMessage[]): CorpusEvaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const perFlag = new Map<RedFlagKey, { tp: number; fp: number; fn: number }>();
  const tally = (flag: RedFlagKey, field: 'tp' | 'fp' | 'fn') => {
    const entry = perFlag.get(flag) ?? { tp: 0, fp: 0, fn: 0 };
    entry[field]++;
    perFlag.set(flag, entry);
  };

  const outcomes = corpus.map((message): MessageOutcome => {
    const result = checkApproach({ answers: {}, messageText: message.text }, rules);
    const flagged = result.rating !== 'low';
    if (flagged && message.hostile) tp++;
    else if (flagged) fp++;
    else if (message.hostile) fn++;
    else tn++;

    const expected = new Set(message.expectedFlags);
    const found = new Set(result.flags.map((flag) => flag.key));
    for (const flag of found) tally(flag, expected.has(flag) ? 'tp' : 'fp');
    for (const flag of expected) if (!found.has(flag)) tally(flag, 'fn');

    const inCatalogueOrder = (set: Set<RedFlagKey>) => RED_FLAG_KEYS.filter((key) => set.has(key));
    return {
      id: message.id,
      hostile: message.hostile,
      rating: result.rating,
      score: result.score,
      flagged,
      expectedFlags: inCatalogueOrder(expected),
      foundFlags: inCatalogueOrder(found),
      missedFlags: inCatalogueOrder(new Set([...expected].filter((flag) => !found.has(flag)))),
      extraFlags: inCatalogueOrder(new Set([...found].filter((flag) => !expected.has(flag)))),
    };
  });

  let flagTp = 0;
  let flagFp = 0;
  let flagFn = 0;
  const perFlagCounts: Partial<Record<RedFlagKey, Counts>> = {};
  for (const key of RED_FLAG_KEYS) {
    const entry = perFlag.get(key);
    if (!entry) continue;
    flagTp += entry.tp;
    flagFp += entry.fp;
    flagFn += entry.fn;
    perFlagCounts[key] = counts(entry.tp, entry.fp, entry.fn);
  }

  const hostileCount = corpus.filter((message) => message.hostile).length;
  return {
    rulesVersion: rules.version,
    corpusSize: corpus.length,
    hostileCount,
    benignCount: corpus.length - hostileCount,
    messages: { ...counts(tp, fp, fn), trueNegatives: tn, accuracy: ratio(tp + tn, corpus.length) },
    flags: { ...counts(flagTp, flagFp, flagFn), perFlag: perFlagCounts },
    outcomes,
  };
}
