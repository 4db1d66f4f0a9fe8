import { moduleContentSchema, validateModule, type ModuleContent } from '@countersign/scenario-engine';
import { builtInModules, RED_FLAG_KEYS } from '@countersign/curriculum';
import { QuizEditor } from '../../components/quiz-editor';
import { StepEditor } from '../../components/step-editor';
import { FieldIssuesProvider, joinPath } from '../field-issues';
import { renderStatic, textOf } from '../../../../__tests__/static-render';

function draft(): ModuleContent {
  return JSON.parse(JSON.stringify(moduleContentSchema.parse(builtInModules[0]!.content))) as ModuleContent;
}

describe('problems marked on their fields', () => {
  it('joins paths the way issues write them', () => {
    expect(joinPath('scenario.steps[2]', 'narrative')).toBe('scenario.steps[2].narrative');
    expect(joinPath('quiz', 'questions[1]')).toBe('quiz.questions[1]');
    expect(joinPath('', 'quiz')).toBe('quiz');
    expect(joinPath('scenario.steps[0]', '')).toBe('scenario.steps[0]');
  });

  it('shows a blank narrative and a blank choice in plain words next to those fields of the step', () => {
    const content = draft();
    content.scenario.steps[1]!.narrative = '';
    content.scenario.steps[1]!.choices[0]!.feedback = '';
    const { issues } = validateModule(content, { redFlagKeys: RED_FLAG_KEYS });
    const html = renderStatic(
      <FieldIssuesProvider issues={issues}>
        <StepEditor
          content={content}
          step={content.scenario.steps[1]!}
          redFlags={[]}
          update={() => {}}
          onDelete={() => {}}
        />
      </FieldIssuesProvider>,
    );
    expect(textOf(html).match(/Fill this in before publishing\./g)).toHaveLength(2);
    expect(html).not.toMatch(/Too small|expected string/);
    // Each message sits with its field: the narrative's textarea and the feedback's are invalid.
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(2);
  });

  it('marks a question without enough answers and its blank prompt in the quiz editor', () => {
    const content = draft();
    content.quiz.questions[0]!.prompt = '';
    content.quiz.questions[0]!.options = content.quiz.questions[0]!.options.slice(0, 1);
    const { issues } = validateModule(content, { redFlagKeys: RED_FLAG_KEYS });
    const html = textOf(
      renderStatic(
        <FieldIssuesProvider issues={issues}>
          <QuizEditor quiz={content.quiz} redFlags={[]} update={() => {}} />
        </FieldIssuesProvider>,
      ),
    );
    expect(html).toContain('Fill this in before publishing.');
    expect(html).toContain('Add at least 2 answers.');
  });
});
