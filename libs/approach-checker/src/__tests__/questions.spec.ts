import { ZodError } from 'zod';
import { checkAnswersSchema, MAX_MESSAGE_LENGTH, QUESTIONS, questionById } from '../questions.js';

describe('QUESTIONS', () => {
  it('has about eight to ten questions with unique ids, each with unique option ids', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(8);
    expect(QUESTIONS.length).toBeLessThanOrEqual(12);
    expect(new Set(QUESTIONS.map((question) => question.id)).size).toBe(QUESTIONS.length);
    for (const question of QUESTIONS) {
      expect(question.prompt.length).toBeGreaterThan(0);
      expect(question.help.length).toBeGreaterThan(0);
      expect(question.options.length).toBeGreaterThanOrEqual(2);
      expect(new Set(question.options.map((option) => option.id)).size).toBe(question.options.length);
    }
  });

  it('covers the topics of the issue', () => {
    expect(QUESTIONS.map((question) => question.id)).toEqual([
      'contact-origin',
      'claimed-role',
      'offer',
      'tone',
      'money-travel',
      'off-platform',
      'secrecy',
      'work-questions',
      'profile',
      'pressure',
      'own-profile',
    ]);
  });

  it('looks questions up by id', () => {
    expect(questionById('secrecy')?.kind).toBe('single');
    expect(questionById('nope')).toBeUndefined();
  });
});

describe('checkAnswersSchema', () => {
  it('accepts single answers as an option id and multi answers as a list', () => {
    const parsed = checkAnswersSchema.parse({
      answers: { 'contact-origin': 'unsolicited', offer: ['paid-work', 'travel'] },
      messageText: 'Hello',
    });
    expect(parsed).toEqual({
      answers: { 'contact-origin': 'unsolicited', offer: ['paid-work', 'travel'] },
      messageText: 'Hello',
    });
  });

  it('defaults the answers to none, so text alone is a valid input', () => {
    expect(checkAnswersSchema.parse({ messageText: 'Hi' })).toEqual({ answers: {}, messageText: 'Hi' });
    expect(checkAnswersSchema.parse({})).toEqual({ answers: {} });
  });

  it.each([
    [{ answers: { nope: 'x' } }, ['answers']],
    [{ answers: { 'contact-origin': 'maybe' } }, ['answers', 'contact-origin']],
    [{ answers: { 'contact-origin': ['unsolicited'] } }, ['answers', 'contact-origin']],
    [{ answers: { offer: 'job' } }, ['answers', 'offer']],
    [{ answers: { offer: ['job', 'job'] } }, ['answers', 'offer']],
    [{ messageText: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) }, ['messageText']],
    [{ answers: {}, extra: true }, []],
  ])('rejects %j', (input, path) => {
    const result = checkAnswersSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(ZodError);
    expect(result.error!.issues[0]!.path).toEqual(path);
  });

  it('accepts a message of exactly the maximum length', () => {
    expect(checkAnswersSchema.safeParse({ messageText: 'x'.repeat(MAX_MESSAGE_LENGTH) }).success).toBe(true);
  });
});
