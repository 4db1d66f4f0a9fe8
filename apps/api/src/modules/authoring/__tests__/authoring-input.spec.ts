import { RED_FLAG_KEYS } from '@countersign/curriculum';
import { moduleContentSchema, validateModule } from '@countersign/scenario-engine';
import { DomainError } from '../../../common/domain-error.js';
import { jsonPath, parseAuthored } from '../authoring-input.js';
import { starterContent } from '../starter-content.js';

describe('starterContent', () => {
  it('passes the validator: one decision, a safe and a compromised ending, one quiz question, pass mark 80', () => {
    const content = starterContent('A new module');
    expect(validateModule(content, { redFlagKeys: RED_FLAG_KEYS })).toMatchObject({ ok: true });
    expect(content.scenario.steps[0]!.choices).toHaveLength(2);
    expect(content.quiz).toMatchObject({ passMark: 80, questions: [expect.anything()] });
  });
});

describe('parseAuthored', () => {
  it('names each problem by its JSON path, with indices in brackets', () => {
    expect(jsonPath('content', ['scenario', 'steps', 3, 'choices', 0, 'next'])).toBe(
      'content.scenario.steps[3].choices[0].next',
    );
    expect(jsonPath('', ['format'])).toBe('format');
    const content = starterContent('x');
    (content.scenario.steps[2] as { narrative: unknown }).narrative = '';
    try {
      parseAuthored(moduleContentSchema, content, 'content', 'module content');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(400);
      expect((error as DomainError).details).toEqual([
        expect.objectContaining({ field: 'content.scenario.steps[2].narrative' }),
      ]);
    }
  });
});
