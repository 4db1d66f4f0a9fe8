import fc from 'fast-check';
import { checkApproach } from '../check.js';
import { DEFAULT_CORPUS } from '../corpus/index.js';
import { QUESTIONS, type CheckAnswers } from '../questions.js';
import { DEFAULT_RULES } from '../rules.js';

const runs = { numRuns: 150 };

/** Random answers: for each question, nothing, one option, or (multi-choice) a subset of options. */
const answersArb: fc.Arbitrary<CheckAnswers> = fc
  .tuple(
    ...QUESTIONS.map((question) => {
      const ids = question.options.map((option) => option.id);
      return question.kind === 'single'
        ? fc.option(fc.constantFrom(...ids), { nil: undefined })
        : fc.option(fc.subarray(ids), { nil: undefined });
    }),
  )
  .map((values) => {
    const answers: Record<string, unknown> = {};
    values.forEach((value, index) => {
      if (value !== undefined) answers[QUESTIONS[index]!.id] = value;
    });
    return answers as CheckAnswers;
  });

/** Words the default rules care about, so that random text actually matches rules. */
const RULE_WORDS = [
  'pay',
  'paid',
  'fee',
  'honorarium',
  'report',
  'paper',
  'cover',
  'your',
  'flights',
  'hotel',
  'whatsapp',
  'signal',
  'continue',
  'on',
  'keep',
  'this',
  'between',
  'us',
  'not',
  'tell',
  'employer',
  'which',
  'programme',
  'own',
  'travel',
  'cannot',
  'generous',
  'exceptional',
  'debts',
  'shame',
  'if',
  'found',
  'out',
  'we',
  'the',
  'a',
  '£',
  '5,000',
  'my',
  'name',
  'is',
  'personal',
  'email',
  'security',
  'team',
  'discretion',
  'profile',
  'clearance',
];
const separatorArb = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '? ', '\n', ' — ');
const ruleTextArb = fc
  .array(fc.tuple(fc.constantFrom(...RULE_WORDS), separatorArb), { maxLength: 40 })
  .map((parts) => parts.map(([word, sep]) => word + sep).join(''));
const textArb = fc.oneof(
  ruleTextArb,
  fc.constantFrom(...DEFAULT_CORPUS.map((message) => message.text)),
  fc.string({ maxLength: 200 }),
);

const check = (answers: CheckAnswers, messageText?: string) =>
  checkApproach(messageText === undefined ? { answers } : { answers, messageText });

describe('checkApproach properties', () => {
  it('adding text never lowers the score, and never loses a flag', () => {
    fc.assert(
      fc.property(answersArb, textArb, textArb, (answers, a, b) => {
        const base = check(answers, a);
        const without = check(answers);
        expect(without.score).toBeLessThanOrEqual(base.score);
        for (const combined of [check(answers, `${a}\n${b}`), check(answers, `${b}\n${a}`)]) {
          expect(combined.score).toBeGreaterThanOrEqual(base.score);
          const keys = new Set(combined.flags.map((flag) => flag.key));
          for (const flag of base.flags) expect(keys).toContain(flag.key);
        }
      }),
      runs,
    );
  });

  it('choosing more options never lowers the score', () => {
    fc.assert(
      fc.property(answersArb, answersArb, fc.option(textArb, { nil: undefined }), (first, second, text) => {
        const merged: Record<string, unknown> = { ...first };
        for (const question of QUESTIONS) {
          const a = (first as Record<string, unknown>)[question.id];
          const b = (second as Record<string, unknown>)[question.id];
          if (question.kind === 'multi' && (a || b)) {
            merged[question.id] = [...new Set([...((a as string[]) ?? []), ...((b as string[]) ?? [])])];
          } else if (a === undefined && b !== undefined) {
            merged[question.id] = b;
          }
        }
        expect(check(merged as CheckAnswers, text).score).toBeGreaterThanOrEqual(check(first, text).score);
      }),
      runs,
    );
  });

  it('scores the sum of distinct flag weights, rates by the thresholds, and keeps excerpts short and true', () => {
    fc.assert(
      fc.property(answersArb, textArb, (answers, text) => {
        const result = check(answers, text);
        const keys = result.flags.map((flag) => flag.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(result.score).toBeCloseTo(
          result.flags.reduce((sum, flag) => sum + flag.weight, 0),
          9,
        );
        const { medium, high } = DEFAULT_RULES.thresholds;
        expect(result.rating).toBe(result.score >= high ? 'high' : result.score >= medium ? 'medium' : 'low');
        for (const flag of result.flags) {
          expect(flag.evidence.length).toBeGreaterThan(0);
          for (const evidence of flag.evidence) {
            if (evidence.source !== 'text') continue;
            expect(evidence.excerpt!.length).toBeLessThanOrEqual(160);
            expect(
              text
                .slice(evidence.start, evidence.end)
                .replace(/\s+/gu, ' ')
                .startsWith(evidence.excerpt!.replace(/…$/u, '')),
            ).toBe(true);
          }
        }
        expect(check(answers, text)).toEqual(result);
      }),
      runs,
    );
  });
});
