import { redFlagByKey } from '@countersign/curriculum';
import { ZodError } from 'zod';
import { checkApproach, MAX_EXCERPT_LENGTH, RATING_ADVICE, rateScore } from '../check.js';
import { DEFAULT_RULES, type RuleSet } from '../rules.js';

const keys = (result: ReturnType<typeof checkApproach>) => result.flags.map((flag) => flag.key);

describe('checkApproach on answers only', () => {
  it('rates an empty check low with no flags', () => {
    const result = checkApproach({});
    expect(result).toEqual({ rating: 'low', score: 0, flags: [], advice: [...RATING_ADVICE.low] });
  });

  it('keeps a lone weak sign low', () => {
    const result = checkApproach({ answers: { 'contact-origin': 'unsolicited', profile: ['looks-normal'] } });
    expect(keys(result)).toEqual(['unsolicited-approach']);
    expect(result.score).toBe(1);
    expect(result.rating).toBe('low');
  });

  it('raises the flags of the chosen options, explained from the catalogue', () => {
    const result = checkApproach({
      answers: {
        'contact-origin': 'unsolicited',
        offer: ['paid-work', 'nothing-yet'],
        profile: ['few-connections', 'stock-photo'],
      },
    });
    expect(keys(result)).toEqual(['paid-reports', 'profile-anomalies', 'unsolicited-approach']);
    expect(result.score).toBe(4 + 3 + 1);
    expect(result.rating).toBe('high');
    const anomalies = result.flags.find((flag) => flag.key === 'profile-anomalies')!;
    const catalogue = redFlagByKey('profile-anomalies')!;
    expect(anomalies).toMatchObject({
      title: catalogue.title,
      explanation: catalogue.explanation,
      advice: catalogue.advice,
      weight: 3,
    });
    expect(anomalies.evidence).toEqual([
      {
        source: 'answer',
        ruleId: 'answer-profile-anomalies',
        questionId: 'profile',
        optionIds: ['few-connections', 'stock-photo'],
        note: 'Their profile shows signs of having been built rather than lived in.',
      },
    ]);
  });

  it('rates any one serious sign medium', () => {
    expect(checkApproach({ answers: { secrecy: 'hinted' } }).rating).toBe('medium');
    expect(checkApproach({ answers: { 'work-questions': ['clearance'] } }).rating).toBe('medium');
    expect(checkApproach({ answers: { pressure: ['threats'] } }).rating).toBe('medium');
    expect(checkApproach({ answers: { offer: ['travel'] } }).rating).toBe('medium');
  });

  it('derives a note from the question when a rule has no explanation', () => {
    const rules: RuleSet = {
      ...DEFAULT_RULES,
      answerRules: [
        { id: 'r', questionId: 'offer', optionIds: ['travel', 'speaking'], flag: 'travel-abroad' },
      ],
    };
    const [flag] = checkApproach({ answers: { offer: ['speaking', 'travel'] } }, rules).flags;
    expect(flag!.evidence[0]).toEqual({
      source: 'answer',
      ruleId: 'r',
      questionId: 'offer',
      optionIds: ['travel', 'speaking'],
      note: 'You answered "A trip or a meeting abroad", "A speaking slot, panel or conference invitation" to "What have they offered you?"',
    });
  });
});

describe('checkApproach on text only', () => {
  it.each([
    ['We would cover your flights and hotel.', 'travel-abroad'],
    ['There is an honorarium for a short paper.', 'paid-reports'],
    ['Let’s continue on WhatsApp.', 'move-off-platform'],
    ['Keep this between us — no need to tell your manager.', 'secrecy-request'],
    ['Which programmes is your team working on at the moment?', 'sensitive-topic-drift'],
    ['It would be a shame if your employer found out.', 'compromise-or-threat'],
  ])('finds the paraphrase in %j', (messageText, flag) => {
    expect(keys(checkApproach({ messageText }))).toContain(flag);
  });

  it.each([
    'Which customers does your division supply?',
    'Who are your main clients on the sonar programme?',
    'What clients is your team working with at the moment?',
  ])('asks about your customers in %j', (messageText) => {
    expect(keys(checkApproach({ messageText }))).toContain('sensitive-topic-drift');
  });

  it.each([
    'Your insight is exactly what our clients need.',
    'We know what our clients value.',
    'It is a feature which our customers appreciate.',
    'Your background is exactly what my clients are looking for.',
    'That is what we offer clients across Europe.',
  ])('does not take the sender’s own clients for questions about yours in %j', (messageText) => {
    expect(keys(checkApproach({ messageText }))).not.toContain('sensitive-topic-drift');
  });

  it.each([
    ['Are there delays with the new sonar system?', 'sensitive-topic-drift'],
    ['How is the modernisation contract going?', 'sensitive-topic-drift'],
    ['What stage is the combat system at?', 'sensitive-topic-drift'],
    ['Your flights and hotel, which we will cover, are booked for May.', 'travel-abroad'],
    ['The trip, which my client would fund entirely, includes Shanghai.', 'travel-abroad'],
    ['We can arrange for my assistant to book your flights.', 'travel-abroad'],
  ])('still finds %j, with the sender speaking of their side', (messageText, flag) => {
    expect(keys(checkApproach({ messageText }))).toContain(flag);
  });

  it.each([
    'We had some delays on our project last month.',
    'Sorry, we had a problem with our booking system this morning.',
    'Here is what our programme offers graduates joining your team.',
    'Which of our programmes would suit your team?',
    'How is our bid going?',
    'How much of our budget is left for the plant visit?',
    'What stage is our prototype at?',
    'I have booked my flights and hotel for the conference.',
    'Our team has arranged our hotel for the offsite.',
  ])('does not take the sender’s own work or travel for a warning sign in %j', (messageText) => {
    expect(keys(checkApproach({ messageText }))).toEqual([]);
  });

  it('quotes the matched span as evidence, with its offsets', () => {
    const messageText =
      'Good news!\nMy client would be happy to reimburse your airfare and accommodation in Vienna.';
    const travel = checkApproach({ messageText }).flags.find((flag) => flag.key === 'travel-abroad')!;
    const [evidence] = travel.evidence;
    expect(evidence).toMatchObject({
      source: 'text',
      ruleId: 'text-paid-travel',
      excerpt: 'reimburse your airfare',
    });
    expect(messageText.slice(evidence!.start, evidence!.end)).toBe('reimburse your airfare');
    expect(evidence!.note).toBe(
      DEFAULT_RULES.textRules.find((rule) => rule.id === 'text-paid-travel')!.description,
    );
  });

  it('ignores a match when an "unless" pattern matches the same sentence', () => {
    expect(keys(checkApproach({ messageText: 'Authors cover their own travel and accommodation.' }))).toEqual(
      [],
    );
    expect(
      keys(checkApproach({ messageText: 'Unfortunately we cannot cover travel for speakers.' })),
    ).toEqual([]);
    // ... but only that sentence.
    expect(keys(checkApproach({ messageText: 'You cover your own lunch. We cover your flights.' }))).toEqual([
      'travel-abroad',
    ]);
  });

  it('matches across two sentences for rules that allow it', () => {
    const messageText =
      'We would value a short paper from you on the market. A generous honorarium is available.';
    expect(keys(checkApproach({ messageText }))).toEqual(['paid-reports', 'too-good-to-be-true']);
  });

  it('truncates long excerpts to 160 characters', () => {
    const rules: RuleSet = {
      ...DEFAULT_RULES,
      textRules: [{ id: 'long', flag: 'paid-reports', patterns: ['pay ~20 report'], description: 'Long.' }],
    };
    const messageText = `We pay ${'extraordinarilylongword '.repeat(10)}for a report.`;
    const [evidence] = checkApproach({ messageText }, rules).flags[0]!.evidence;
    expect(evidence!.excerpt!.length).toBe(MAX_EXCERPT_LENGTH);
    expect(evidence!.excerpt!.endsWith('…')).toBe(true);
  });

  it('ignores blank text', () => {
    expect(checkApproach({ messageText: '   \n ' }).score).toBe(0);
  });
});

describe('checkApproach on answers and text', () => {
  it('counts a flag once, with the largest weight, and keeps all its evidence', () => {
    const result = checkApproach({
      answers: { offer: ['travel'], 'money-travel': ['expenses-paid'] },
      messageText: 'We will book your tickets to the summit and put you up in a five-star hotel.',
    });
    expect(keys(result)).toEqual(['travel-abroad']);
    expect(result.score).toBe(4);
    expect(result.flags[0]!.evidence.map((evidence) => evidence.ruleId)).toEqual([
      'answer-offer-travel',
      'answer-expenses-paid',
      'text-paid-travel',
    ]);
  });

  it('uses the largest weight of the rules that raised a flag', () => {
    const rules: RuleSet = {
      ...DEFAULT_RULES,
      answerRules: [
        {
          id: 'a',
          questionId: 'off-platform',
          optionIds: ['suggested'],
          flag: 'move-off-platform',
          weight: 1,
        },
      ],
      textRules: [
        { id: 't', flag: 'move-off-platform', weight: 2.5, patterns: ['whatsapp'], description: 'App.' },
      ],
    };
    expect(checkApproach({ answers: { 'off-platform': 'suggested' } }, rules).score).toBe(1);
    expect(
      checkApproach({ answers: { 'off-platform': 'suggested' }, messageText: 'WhatsApp?' }, rules).score,
    ).toBe(2.5);
  });

  it('sums distinct flags and orders them heaviest first, catalogue order among equals', () => {
    const result = checkApproach({
      answers: { 'contact-origin': 'unsolicited', 'own-profile': 'clearance' },
      messageText:
        'Your profile is truly exceptional. Please keep this between us, and message me on Telegram.',
    });
    expect(result.flags.map((flag) => [flag.key, flag.weight])).toEqual([
      ['secrecy-request', 5],
      ['move-off-platform', 3],
      ['flattery', 2],
      ['clearance-advertised', 2],
      ['unsolicited-approach', 1],
    ]);
    expect(result.score).toBe(13);
    expect(result.rating).toBe('high');
    expect(result.advice).toEqual([...RATING_ADVICE.high]);
  });

  it('is deterministic', () => {
    const input = {
      answers: { secrecy: 'asked' as const },
      messageText: 'Let’s talk on Signal. We pay well above market rate.',
    };
    expect(checkApproach(input)).toEqual(checkApproach(input));
  });

  it('validates its input', () => {
    expect(() => checkApproach({ answers: { secrecy: 'perhaps' } } as never)).toThrow(ZodError);
    expect(() => checkApproach({ messageText: 'x'.repeat(10_001) })).toThrow(ZodError);
  });
});

describe('rating thresholds', () => {
  const rules = (medium: number, high: number): RuleSet => ({
    version: 1,
    thresholds: { medium, high },
    answerRules: [
      {
        id: 'one',
        questionId: 'contact-origin',
        optionIds: ['unsolicited'],
        flag: 'unsolicited-approach',
        weight: 1,
      },
      { id: 'two', questionId: 'tone', optionIds: ['flattering'], flag: 'flattery', weight: 2 },
      { id: 'four', questionId: 'secrecy', optionIds: ['asked'], flag: 'secrecy-request', weight: 4 },
    ],
    textRules: [],
  });

  it('rates by score: at the medium threshold is medium, at the high threshold is high', () => {
    const r = rules(3, 6);
    const check = (answers: object) => checkApproach({ answers }, r);
    expect(check({ 'contact-origin': 'unsolicited', tone: 'flattering' })).toMatchObject({
      score: 3,
      rating: 'medium',
    });
    expect(check({ tone: 'flattering' })).toMatchObject({ score: 2, rating: 'low' });
    expect(check({ tone: 'flattering', secrecy: 'asked' })).toMatchObject({ score: 6, rating: 'high' });
    expect(check({ secrecy: 'asked', 'contact-origin': 'unsolicited' })).toMatchObject({
      score: 5,
      rating: 'medium',
    });
  });

  it('gives the advice of the rating', () => {
    const r = rules(3, 6);
    expect(checkApproach({ answers: { secrecy: 'asked' } }, r).advice).toEqual([...RATING_ADVICE.medium]);
    expect(RATING_ADVICE.high[0]).toMatch(/report/i);
    expect(RATING_ADVICE.high.join(' ')).toMatch(/do not reply/i);
    expect(RATING_ADVICE.high.join(' ')).toMatch(/evidence/i);
    expect(RATING_ADVICE.medium.join(' ')).toMatch(/security team/i);
    expect(RATING_ADVICE.low.join(' ')).toMatch(/stay alert/i);
  });

  it('rateScore', () => {
    expect(rateScore(0, { medium: 4, high: 8 })).toBe('low');
    expect(rateScore(3.999, { medium: 4, high: 8 })).toBe('low');
    expect(rateScore(4, { medium: 4, high: 8 })).toBe('medium');
    expect(rateScore(8, { medium: 4, high: 8 })).toBe('high');
  });

  it('default thresholds: one low-weight flag stays low, any single 5 is medium, two serious flags are high', () => {
    expect(DEFAULT_RULES.thresholds).toEqual({ medium: 4, high: 8 });
    expect(rateScore(redFlagByKey('flattery')!.weight, DEFAULT_RULES.thresholds)).toBe('low');
    expect(rateScore(redFlagByKey('secrecy-request')!.weight, DEFAULT_RULES.thresholds)).toBe('medium');
    expect(
      rateScore(
        redFlagByKey('paid-reports')!.weight + redFlagByKey('travel-abroad')!.weight,
        DEFAULT_RULES.thresholds,
      ),
    ).toBe('high');
  });
});

describe('the README example', () => {
  it('gives the documented result', () => {
    const result = checkApproach({
      answers: { 'contact-origin': 'unsolicited', offer: ['paid-work'], 'off-platform': 'suggested' },
      messageText: 'We would pay £1,500 for a short report. Could we continue on WhatsApp?',
    });
    expect(result.rating).toBe('high');
    expect(result.score).toBe(8);
    expect(keys(result)).toEqual(['paid-reports', 'move-off-platform', 'unsolicited-approach']);
    expect(result.advice).toEqual([...RATING_ADVICE.high]);
  });
});

describe('the message of the browser journey (apps/e2e/src/approach-journey.spec.ts)', () => {
  const messageText =
    'Your insight is exactly what our clients need. We would cover your flights and hotel for the forum in ' +
    'Shanghai, plus an honorarium for a short paper on your current programme. ' +
    "Let's continue on WhatsApp, and best keep this between us for now.";

  it('rates high with the flags the journey looks for, and takes "our clients" for flattery, not elicitation', () => {
    const result = checkApproach({
      answers: { 'contact-origin': 'unsolicited', offer: ['paid-work'], 'money-travel': ['expenses-paid'] },
      messageText,
    });
    expect(result.rating).toBe('high');
    expect(keys(result)).toEqual([
      'secrecy-request',
      'paid-reports',
      'travel-abroad',
      'move-off-platform',
      'flattery',
      'unsolicited-approach',
    ]);
    const flattery = result.flags.find((flag) => flag.key === 'flattery')!;
    expect(flattery.evidence[0]!.excerpt).toBe('exactly what our clients need');
  });
});
