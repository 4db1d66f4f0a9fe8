import { ZodError } from 'zod';
import { compileRuleSet, DEFAULT_RULES, ruleSetSchema, type RuleSet } from '../rules.js';

const minimal = (): RuleSet => ({
  version: 1,
  thresholds: { medium: 4, high: 8 },
  answerRules: [{ id: 'a1', questionId: 'secrecy', optionIds: ['asked'], flag: 'secrecy-request' }],
  textRules: [
    { id: 't1', flag: 'travel-abroad', patterns: ['cover ~3 flight'], description: 'Paid flights.' },
  ],
});

/** The messages of a failed parse, for compact expectations. */
function issues(input: unknown): Array<{ path: PropertyKey[]; message: string }> {
  const result = ruleSetSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map(({ path, message }) => ({ path, message }));
}

describe('ruleSetSchema', () => {
  it('accepts the default rules', () => {
    expect(issues(DEFAULT_RULES)).toEqual([]);
  });

  it('default rules cover every flag that text can show, and every flag from the answers', () => {
    const textFlags = new Set(DEFAULT_RULES.textRules.map((rule) => rule.flag));
    for (const flag of [
      'unsolicited-approach',
      'unverifiable-company',
      'flattery',
      'too-good-to-be-true',
      'paid-reports',
      'travel-abroad',
      'move-off-platform',
      'secrecy-request',
      'sensitive-topic-drift',
      'financial-pressure',
      'compromise-or-threat',
    ] as const) {
      expect(textFlags).toContain(flag);
    }
    const answerFlags = new Set(DEFAULT_RULES.answerRules.map((rule) => rule.flag));
    expect(answerFlags.size).toBe(13);
  });

  it('accepts a minimal rule set', () => {
    expect(issues(minimal())).toEqual([]);
  });

  it('names the rule and the pattern when a pattern does not parse', () => {
    const rules = minimal();
    rules.textRules.push({
      id: 'travel-paid-for-you',
      flag: 'travel-abroad',
      patterns: ['hotel', '{cover ~3'],
      description: 'Broken.',
    });
    expect(issues(rules)).toEqual([
      {
        path: ['textRules', 1, 'patterns', 1],
        message:
          'rule "travel-paid-for-you": pattern 2 "{cover ~3": gaps are not allowed inside a {group} at column 8',
      },
    ]);
  });

  it('names the rule when an "unless" pattern does not parse', () => {
    const rules = minimal();
    rules.textRules[0]!.unless = ['own ~2'];
    expect(issues(rules)).toEqual([
      {
        path: ['textRules', 0, 'unless', 0],
        message: 'rule "t1": "unless" pattern 1 "own ~2": a pattern cannot end with a gap at column 5',
      },
    ]);
  });

  it('names the rule when a flag is not in the catalogue', () => {
    const rules = minimal() as unknown as { textRules: Array<{ flag: string }> };
    rules.textRules[0]!.flag = 'free-lunch';
    expect(issues(rules)).toEqual([
      {
        path: ['textRules', 0, 'flag'],
        message: expect.stringMatching(
          /^rule "t1": unknown red flag "free-lunch" \(known flags: unsolicited-approach, /,
        ),
      },
    ]);
  });

  it('names the rule when a question or option does not exist', () => {
    const rules = minimal();
    rules.answerRules.push(
      { id: 'bad-question', questionId: 'favourite-colour', optionIds: ['red'], flag: 'flattery' },
      {
        id: 'bad-option',
        questionId: 'secrecy',
        optionIds: ['asked', 'maybe', 'asked'],
        flag: 'secrecy-request',
      },
    );
    expect(issues(rules)).toEqual([
      {
        path: ['answerRules', 1, 'questionId'],
        message: 'rule "bad-question": unknown question "favourite-colour"',
      },
      {
        path: ['answerRules', 2, 'optionIds', 1],
        message: 'rule "bad-option": question "secrecy" has no option "maybe"',
      },
      {
        path: ['answerRules', 2, 'optionIds', 2],
        message: 'rule "bad-option": option "asked" is listed twice',
      },
    ]);
  });

  it('rejects duplicate rule ids across both lists', () => {
    const rules = minimal();
    rules.textRules[0]!.id = 'a1';
    expect(issues(rules)).toEqual([
      { path: ['textRules', 0, 'id'], message: 'rule "a1": the id is used by more than one rule' },
    ]);
  });

  it('requires the high threshold to be above the medium one', () => {
    const rules = minimal();
    rules.thresholds = { medium: 5, high: 5 };
    expect(issues(rules)).toEqual([
      {
        path: ['thresholds', 'high'],
        message: 'the high threshold (5) must be above the medium threshold (5)',
      },
    ]);
  });

  it('checks shapes: ids, weights, non-empty pattern lists, no unknown keys', () => {
    const bad = (change: (rules: Record<string, unknown> & RuleSet) => void) => {
      const rules = minimal() as Record<string, unknown> & RuleSet;
      change(rules);
      return issues(rules).map((issue) => issue.path.join('.'));
    };
    expect(bad((rules) => (rules.textRules[0]!.id = 'Bad Id'))).toEqual(['textRules.0.id']);
    expect(bad((rules) => (rules.textRules[0]!.weight = 11))).toEqual(['textRules.0.weight']);
    expect(bad((rules) => (rules.textRules[0]!.patterns = []))).toEqual(['textRules.0.patterns']);
    expect(bad((rules) => (rules.textRules[0]!.sentences = 4))).toEqual(['textRules.0.sentences']);
    expect(bad((rules) => (rules.answerRules[0]!.optionIds = []))).toEqual(['answerRules.0.optionIds']);
    expect(bad((rules) => (rules.extra = 1))).toEqual(['']);
  });
});

describe('compileRuleSet', () => {
  it('throws the ZodError of the schema for invalid rules', () => {
    const rules = minimal();
    rules.textRules[0]!.patterns = ['{'];
    expect(() => compileRuleSet(rules)).toThrow(ZodError);
    try {
      compileRuleSet(rules);
    } catch (error) {
      expect((error as ZodError).issues[0]!.message).toBe(
        'rule "t1": pattern 1 "{": "{" is never closed at column 1',
      );
    }
  });

  it('compiles every pattern once and caches the result per rule-set object', () => {
    const rules = minimal();
    const compiled = compileRuleSet(rules);
    expect(compiled.textRules[0]!.patterns).toHaveLength(1);
    expect(compileRuleSet(rules)).toBe(compiled);
    expect(compileRuleSet(minimal())).not.toBe(compiled);
  });
});
