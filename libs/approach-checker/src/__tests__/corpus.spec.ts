import {
  BENIGN_MESSAGES,
  corpusSchema,
  DEFAULT_CORPUS,
  HOLDOUT_MESSAGES,
  HOSTILE_MESSAGES,
  type CorpusMessage,
} from '../corpus/index.js';
import { evaluateCorpus } from '../evaluate.js';
import { DEFAULT_RULES, type RuleSet } from '../rules.js';

/**
 * The floors the default rules must keep on the built-in corpus. Tune the rules, not the corpus,
 * to stay above them; and keep the labels honest (see corpus/types.ts for how they are decided).
 */
const FLOORS = {
  messagePrecision: 0.9,
  messageRecall: 0.9,
  flagPrecision: 0.8,
  flagRecall: 0.8,
};

describe('the built-in corpus', () => {
  it('is valid, large enough and roughly balanced', () => {
    expect(corpusSchema.safeParse(DEFAULT_CORPUS).success).toBe(true);
    expect(DEFAULT_CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(HOSTILE_MESSAGES.every((message) => message.hostile)).toBe(true);
    expect(BENIGN_MESSAGES.every((message) => !message.hostile)).toBe(true);
    const share = HOSTILE_MESSAGES.length / DEFAULT_CORPUS.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
  });

  it('keeps the held-out set valid and apart from the corpus', () => {
    expect(corpusSchema.safeParse([...DEFAULT_CORPUS, ...HOLDOUT_MESSAGES]).success).toBe(true);
    const texts = new Set(DEFAULT_CORPUS.map((message) => message.text));
    expect(HOLDOUT_MESSAGES.filter((message) => texts.has(message.text))).toEqual([]);
  });

  it('has every hostile message show at least one flag, and every text-detectable flag in some message', () => {
    expect(HOSTILE_MESSAGES.filter((message) => message.expectedFlags.length === 0)).toEqual([]);
    const expected = new Set(DEFAULT_CORPUS.flatMap((message) => message.expectedFlags));
    expect([...expected].sort()).toEqual(
      [
        'compromise-or-threat',
        'financial-pressure',
        'flattery',
        'move-off-platform',
        'paid-reports',
        'secrecy-request',
        'sensitive-topic-drift',
        'too-good-to-be-true',
        'travel-abroad',
        'unsolicited-approach',
        'unverifiable-company',
      ].sort(),
    );
  });
});

describe('DEFAULT_RULES measured on the corpus', () => {
  const evaluation = evaluateCorpus(DEFAULT_RULES, DEFAULT_CORPUS);

  it(`flags hostile messages with precision ≥ ${FLOORS.messagePrecision} and recall ≥ ${FLOORS.messageRecall}`, () => {
    expect(evaluation.messages.precision).toBeGreaterThanOrEqual(FLOORS.messagePrecision);
    expect(evaluation.messages.recall).toBeGreaterThanOrEqual(FLOORS.messageRecall);
  });

  it(`finds the expected flags with precision ≥ ${FLOORS.flagPrecision} and recall ≥ ${FLOORS.flagRecall}`, () => {
    expect(evaluation.flags.precision).toBeGreaterThanOrEqual(FLOORS.flagPrecision);
    expect(evaluation.flags.recall).toBeGreaterThanOrEqual(FLOORS.flagRecall);
  });

  it('never rates a benign message high', () => {
    expect(evaluation.outcomes.filter((outcome) => !outcome.hostile && outcome.rating === 'high')).toEqual(
      [],
    );
  });

  it('reports counts that add up', () => {
    const { messages, corpusSize, hostileCount, benignCount } = evaluation;
    expect(corpusSize).toBe(DEFAULT_CORPUS.length);
    expect(hostileCount + benignCount).toBe(corpusSize);
    expect(messages.truePositives + messages.falseNegatives).toBe(hostileCount);
    expect(messages.falsePositives + messages.trueNegatives).toBe(benignCount);
    expect(evaluation.outcomes.map((outcome) => outcome.id)).toEqual(
      DEFAULT_CORPUS.map((message) => message.id),
    );
  });
});

describe('evaluateCorpus', () => {
  const rules: RuleSet = {
    version: 7,
    thresholds: { medium: 3, high: 6 },
    answerRules: [],
    textRules: [
      { id: 'apps', flag: 'move-off-platform', patterns: ['whatsapp'], description: 'App.' },
      { id: 'quiet', flag: 'secrecy-request', patterns: ['between us'], description: 'Quiet.' },
    ],
  };
  const corpus: CorpusMessage[] = [
    { id: 'tp', text: 'Add me on WhatsApp.', hostile: true, expectedFlags: ['move-off-platform'] },
    {
      id: 'fn',
      text: 'Which programme are you on?',
      hostile: true,
      expectedFlags: ['sensitive-topic-drift'],
    },
    { id: 'fp', text: 'Keep the party between us!', hostile: false, expectedFlags: [] },
    { id: 'tn', text: 'See you on Monday.', hostile: false, expectedFlags: [] },
  ];

  it('computes message-level and flag-level precision and recall', () => {
    const result = evaluateCorpus(rules, corpus);
    expect(result.rulesVersion).toBe(7);
    expect(result.messages).toEqual({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      trueNegatives: 1,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
      accuracy: 0.5,
    });
    expect(result.flags).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 0.5,
      recall: 0.5,
    });
    expect(result.flags.perFlag).toEqual({
      'move-off-platform': {
        truePositives: 1,
        falsePositives: 0,
        falseNegatives: 0,
        precision: 1,
        recall: 1,
        f1: 1,
      },
      'secrecy-request': {
        truePositives: 0,
        falsePositives: 1,
        falseNegatives: 0,
        precision: 0,
        recall: 1,
        f1: 0,
      },
      'sensitive-topic-drift': {
        truePositives: 0,
        falsePositives: 0,
        falseNegatives: 1,
        precision: 1,
        recall: 0,
        f1: 0,
      },
    });
    expect(result.outcomes[2]).toEqual({
      id: 'fp',
      hostile: false,
      rating: 'medium',
      score: 5,
      flagged: true,
      expectedFlags: [],
      foundFlags: ['secrecy-request'],
      missedFlags: [],
      extraFlags: ['secrecy-request'],
    });
  });

  it('reports 1 for a ratio with nothing to divide by', () => {
    const result = evaluateCorpus(rules, [{ id: 'tn', text: 'Hello.', hostile: false, expectedFlags: [] }]);
    expect(result.messages).toMatchObject({ precision: 1, recall: 1, accuracy: 1 });
    expect(result.flags).toMatchObject({ precision: 1, recall: 1 });
  });
});
