import {
  parseDraft,
  validateModule,
  validateQuiz,
  validateScenario,
  type ValidationIssue,
} from '../validate.js';
import {
  buildQuiz,
  buildScenario,
  choice,
  ending,
  question,
  recruiterModule,
  recruiterModuleInput,
  RED_FLAGS,
  step,
} from './fixtures.js';

const options = { redFlagKeys: RED_FLAGS };

/** The identifying part of each issue, for compact expectations. */
const brief = (issues: ValidationIssue[]) =>
  issues.map(({ code, path, stepId, choiceId, questionId }) => ({
    code,
    path,
    stepId,
    choiceId,
    questionId,
  }));

describe('validateModule', () => {
  it('accepts a well-formed module and returns the parsed content with defaults applied', () => {
    const result = validateModule(recruiterModuleInput(), options);
    expect(result).toEqual({ ok: true, content: recruiterModule(), issues: [] });
    if (!result.ok) throw new Error('unreachable');
    expect(result.content.scenario.steps[4]!.choices).toEqual([]);
    expect(result.content.scenario.steps[0]!.choices[0]!.redFlags).toEqual([]);
  });

  it('accepts the red-flag catalogue as a Set or an array', () => {
    expect(validateModule(recruiterModuleInput(), { redFlagKeys: new Set(RED_FLAGS) }).ok).toBe(true);
    expect(validateModule(recruiterModuleInput(), { redFlagKeys: [...RED_FLAGS] }).ok).toBe(true);
  });

  it('maps schema failures to "schema" issues with a joined path', () => {
    const input = recruiterModuleInput();
    input.scenario.steps[2]!.title = '   ';
    input.quiz.passMark = 0;
    const result = validateModule(input, options);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['schema', 'scenario.steps[2].title'],
      ['schema', 'quiz.passMark'],
    ]);
    expect(result.issues[0]!.severity).toBe('error');
  });

  it('words schema problems for authors: where, what is wrong, and what to do at the field', () => {
    const input = recruiterModuleInput();
    input.scenario.steps[2]!.narrative = '';
    input.scenario.steps[1]!.title = ' ';
    input.quiz.questions[1]!.options = input.quiz.questions[1]!.options.slice(0, 1);
    input.quiz.questions[2]!.prompt = 'x'.repeat(1200);
    input.quiz.passMark = 0;
    const result = validateModule(input, options);
    const title = input.scenario.steps[2]!.title;
    expect(result.issues.map(({ path, message, fieldMessage }) => ({ path, message, fieldMessage }))).toEqual(
      [
        {
          path: 'scenario.steps[1].title',
          message: 'Step 2: the title is empty.',
          fieldMessage: 'Fill this in before publishing.',
        },
        {
          path: 'scenario.steps[2].narrative',
          message: `Step 3 “${title}”: the narrative is empty.`,
          fieldMessage: 'Fill this in before publishing.',
        },
        {
          path: 'quiz.passMark',
          message: 'The quiz: the pass mark must be at least 1.',
          fieldMessage: 'Must be at least 1.',
        },
        {
          path: 'quiz.questions[1].options',
          message: 'Question 2: add at least 2 answers.',
          fieldMessage: 'Add at least 2 answers.',
        },
        {
          path: 'quiz.questions[2].prompt',
          message: 'Question 3: the question is too long: at most 1,000 characters (it has 1,200).',
          fieldMessage: 'Too long: at most 1,000 characters (it has 1,200).',
        },
      ],
    );
    for (const issue of result.issues) expect(issue.message).not.toMatch(/expected|>=|scenario\.|quiz\./);
  });

  it('reports nested schema paths such as artefact fields and choice ids', () => {
    const input = recruiterModuleInput();
    input.scenario.steps[0]!.choices![1]!.id = 'Not Valid';
    (input.scenario.steps[2]!.artefacts![0] as { participants: string[] }).participants = [];
    const result = validateModule(input, options);
    expect(result.issues.map((issue) => issue.path)).toEqual([
      'scenario.steps[0].choices[1].id',
      'scenario.steps[2].artefacts[0].participants',
    ]);
  });

  it('reports a non-object input at the root path', () => {
    const result = validateModule('not a module', options);
    expect(brief(result.issues)).toEqual([{ code: 'schema', path: '' }]);
    expect(result.issues[0]!.message.length).toBeGreaterThan(0);
  });

  it('runs the graph checks on an incomplete draft too, in document order with its blanks', () => {
    const input = recruiterModuleInput();
    input.scenario.steps[0]!.choices![0]!.next = 'ghost';
    input.scenario.steps[1]!.title = '';
    input.scenario.steps[0]!.title = '';
    const result = validateModule(input, options);
    expect(brief(result.issues)).toEqual([
      { code: 'schema', path: 'scenario.steps[0].title' },
      {
        code: 'dangling-link',
        path: 'scenario.steps[0].choices[0].next',
        stepId: 'connection-request',
        choiceId: 'accept',
      },
      { code: 'schema', path: 'scenario.steps[1].title' },
    ]);
  });

  it('does not run graph checks on content a draft could not hold', () => {
    const input = recruiterModuleInput();
    input.scenario.steps[0]!.choices![0]!.next = 'ghost';
    input.scenario.steps[1]!.title = 'x'.repeat(201);
    const result = validateModule(input, options);
    expect(result.issues.map((issue) => issue.code)).toEqual(['schema']);
  });

  it('runs scenario then quiz checks, in document order', () => {
    const input = recruiterModuleInput();
    input.scenario.steps[0]!.choices![0]!.next = 'ghost';
    input.quiz.questions[0]!.options[0]!.correct = true; // two correct on a single question
    input.scenario.start = 'nowhere';
    const result = validateModule(input, options);
    expect(brief(result.issues)).toEqual([
      { code: 'missing-start', path: 'scenario.start' },
      {
        code: 'dangling-link',
        path: 'scenario.steps[0].choices[0].next',
        stepId: 'connection-request',
        choiceId: 'accept',
      },
      {
        code: 'quiz-single-needs-one-correct',
        path: 'quiz.questions[0].options',
        questionId: 'q-new-account',
      },
    ]);
  });
});

describe('validateScenario', () => {
  it('accepts a valid scenario with a loop that has an exit', () => {
    expect(validateScenario(recruiterModule().scenario, options)).toEqual([]);
  });

  it('accepts a start step that is itself an ending', () => {
    expect(validateScenario(buildScenario('only', [ending('only')]), options)).toEqual([]);
  });

  it('reports duplicate step ids on the later step only', () => {
    const scenario = buildScenario('a', [
      step('a', choice('go', 'b')),
      step('b', choice('go', 'end')),
      step('b', choice('go', 'end')),
      ending('end'),
    ]);
    const issues = validateScenario(scenario, options);
    expect(brief(issues)).toEqual([{ code: 'duplicate-id', path: 'scenario.steps[2].id', stepId: 'b' }]);
    expect(issues[0]!.message).toBe('Step id "b" is used by more than one step.');
  });

  it('reports duplicate choice ids within a step, but not across steps', () => {
    const scenario = buildScenario('a', [
      step('a', choice('go', 'b'), choice('go', 'end')),
      step('b', choice('go', 'end')),
      ending('end'),
    ]);
    const issues = validateScenario(scenario, options);
    expect(brief(issues)).toEqual([
      { code: 'duplicate-id', path: 'scenario.steps[0].choices[1].id', stepId: 'a', choiceId: 'go' },
    ]);
    expect(issues[0]!.message).toBe('Step "a" has more than one choice with id "go".');
  });

  it('reports a start step that does not exist, without flagging every step unreachable', () => {
    const scenario = buildScenario('intro', [step('a', choice('go', 'end')), ending('end')]);
    const issues = validateScenario(scenario, options);
    expect(brief(issues)).toEqual([{ code: 'missing-start', path: 'scenario.start' }]);
    expect(issues[0]!.message).toBe('The start step "intro" does not exist.');
  });

  it('reports a dangling link naming the step and the choice', () => {
    const scenario = buildScenario('a', [
      step('a', choice('stay', 'end'), choice('leave', 'ghost')),
      ending('end'),
    ]);
    const issues = validateScenario(scenario, options);
    expect(brief(issues)).toEqual([
      { code: 'dangling-link', path: 'scenario.steps[0].choices[1].next', stepId: 'a', choiceId: 'leave' },
    ]);
    expect(issues[0]!.message).toBe(
      'Choice "leave" of step "a" leads to step "ghost", which does not exist.',
    );
  });

  it('reports a step whose choices all dangle only through its links', () => {
    const scenario = buildScenario('a', [
      step('a', choice('on', 'b'), choice('out', 'end')),
      step('b', choice('x', 'ghost-1'), choice('y', 'ghost-2')),
      ending('end'),
    ]);
    expect(brief(validateScenario(scenario, options))).toEqual([
      { code: 'dangling-link', path: 'scenario.steps[1].choices[0].next', stepId: 'b', choiceId: 'x' },
      { code: 'dangling-link', path: 'scenario.steps[1].choices[1].next', stepId: 'b', choiceId: 'y' },
    ]);
  });

  it('reports an unreachable step by id', () => {
    const scenario = buildScenario('a', [
      step('a', choice('go', 'end')),
      step('lunch-invite', choice('go', 'end')),
      ending('end'),
    ]);
    const issues = validateScenario(scenario, options);
    expect(brief(issues)).toEqual([
      { code: 'unreachable-step', path: 'scenario.steps[1]', stepId: 'lunch-invite' },
    ]);
    expect(issues[0]!.message).toBe('Step "lunch-invite" cannot be reached from the start step.');
  });

  it('reports every step of an unreachable region, and only reachability there', () => {
    const scenario = buildScenario('a', [
      step('a', choice('go', 'end')),
      step('island-1', choice('go', 'island-2')),
      step('island-2', choice('go', 'end')),
      ending('end'),
    ]);
    expect(brief(validateScenario(scenario, options))).toEqual([
      { code: 'unreachable-step', path: 'scenario.steps[1]', stepId: 'island-1' },
      { code: 'unreachable-step', path: 'scenario.steps[2]', stepId: 'island-2' },
    ]);
  });

  it('reports a non-ending step without choices as a dead end', () => {
    const scenario = buildScenario('a', [
      step('a', choice('go', 'stuck'), choice('out', 'end')),
      step('stuck'),
      ending('end'),
    ]);
    const issues = validateScenario(scenario, options);
    expect(brief(issues)).toEqual([{ code: 'dead-end', path: 'scenario.steps[1].choices', stepId: 'stuck' }]);
    expect(issues[0]!.message).toBe('Step "stuck" is a dead end: it has no choices and is not an ending.');
  });

  it('does not cascade: steps that only lead into a dead end are not reported themselves', () => {
    const scenario = buildScenario('a', [
      step('a', choice('in', 'b'), choice('out', 'end')),
      step('b', choice('go', 'c')),
      step('c'),
      ending('end'),
    ]);
    expect(brief(validateScenario(scenario, options))).toEqual([
      { code: 'dead-end', path: 'scenario.steps[2].choices', stepId: 'c' },
    ]);
  });

  it('reports an ending that offers choices, and ignores those choices for reachability', () => {
    const scenario = buildScenario('a', [
      step('a', choice('go', 'end')),
      { id: 'end', ending: 'safe', choices: [choice('again', 'b')] },
      step('b', choice('go', 'end')),
    ]);
    const issues = validateScenario(scenario, options);
    expect(brief(issues)).toEqual([
      { code: 'ending-with-choices', path: 'scenario.steps[1].choices', stepId: 'end' },
      { code: 'unreachable-step', path: 'scenario.steps[2]', stepId: 'b' },
    ]);
    expect(issues[0]!.message).toBe(
      'Step "end" is an ending but also offers choices; an ending must have none.',
    );
  });

  it('reports a scenario without any ending', () => {
    const scenario = buildScenario('a', [step('a', choice('go', 'b')), step('b')]);
    expect(brief(validateScenario(scenario, options))).toEqual([
      { code: 'no-ending', path: 'scenario.steps' },
      { code: 'dead-end', path: 'scenario.steps[1].choices', stepId: 'b' },
    ]);
  });

  it('reports no-ending when the only ending cannot be reached from the start', () => {
    const scenario = buildScenario('a', [step('a', choice('loop', 'a')), ending('end')]);
    const issues = validateScenario(scenario, options);
    expect(brief(issues)).toEqual([
      { code: 'no-ending', path: 'scenario.steps' },
      { code: 'cycle-without-exit', path: 'scenario.steps[0]', stepId: 'a' },
      { code: 'unreachable-step', path: 'scenario.steps[1]', stepId: 'end' },
    ]);
    expect(issues[0]!.message).toBe(
      'No ending can be reached from the start step; the scenario needs at least one reachable ending.',
    );
    expect(issues[1]!.message).toBe('Step "a" only leads back to itself; no ending can be reached from it.');
  });

  it('reports no-ending with a missing start only when there is no ending at all', () => {
    const withEnding = buildScenario('nowhere', [step('a', choice('go', 'end')), ending('end')]);
    expect(validateScenario(withEnding, options).map((issue) => issue.code)).toEqual(['missing-start']);
    const withoutEnding = buildScenario('nowhere', [step('a', choice('go', 'a'))]);
    expect(validateScenario(withoutEnding, options).map((issue) => issue.code)).toEqual([
      'missing-start',
      'no-ending',
      'cycle-without-exit',
    ]);
  });

  it('reports each step of a loop without exit, and not the steps leading into it', () => {
    const scenario = buildScenario('a', [
      step('a', choice('in', 'b'), choice('out', 'end')),
      step('b', choice('next', 'c')),
      step('c', choice('next', 'd')),
      step('d', choice('back', 'b')),
      ending('end'),
    ]);
    const issues = validateScenario(scenario, options);
    expect(brief(issues)).toEqual([
      { code: 'cycle-without-exit', path: 'scenario.steps[1]', stepId: 'b' },
      { code: 'cycle-without-exit', path: 'scenario.steps[2]', stepId: 'c' },
      { code: 'cycle-without-exit', path: 'scenario.steps[3]', stepId: 'd' },
    ]);
    expect(issues[0]!.message).toBe(
      'Step "b" is on a loop (with "c", "d") from which no ending can be reached.',
    );
  });

  it('reports only the innermost trap when a trapped loop drains into another', () => {
    const scenario = buildScenario('a', [
      step('a', choice('in', 'b'), choice('out', 'end')),
      step('b', choice('next', 'c')),
      step('c', choice('back', 'b'), choice('down', 'd')),
      step('d', choice('spin', 'd')),
      ending('end'),
    ]);
    expect(brief(validateScenario(scenario, options))).toEqual([
      { code: 'cycle-without-exit', path: 'scenario.steps[3]', stepId: 'd' },
    ]);
  });

  it('accepts loops that have an exit', () => {
    const scenario = buildScenario('a', [
      step('a', choice('in', 'b')),
      step('b', choice('back', 'a'), choice('self', 'b'), choice('out', 'end')),
      ending('end'),
    ]);
    expect(validateScenario(scenario, options)).toEqual([]);
  });

  it('reports unknown red flags on choices, naming the key', () => {
    const scenario = buildScenario('a', [
      step('a', choice('go', 'end', { redFlags: ['urgency', 'made-up', 'flattery', 'also-made-up'] })),
      ending('end'),
    ]);
    const issues = validateScenario(scenario, options);
    expect(brief(issues)).toEqual([
      {
        code: 'unknown-red-flag',
        path: 'scenario.steps[0].choices[0].redFlags[1]',
        stepId: 'a',
        choiceId: 'go',
      },
      {
        code: 'unknown-red-flag',
        path: 'scenario.steps[0].choices[0].redFlags[3]',
        stepId: 'a',
        choiceId: 'go',
      },
    ]);
    expect(issues[0]!.message).toBe('Choice "go" of step "a" cites unknown red flag "made-up".');
  });

  it('orders many issues by their place in the document', () => {
    const scenario = buildScenario('a', [
      step('a', choice('go', 'b'), choice('go', 'ghost', { redFlags: ['nope'] }), choice('out', 'end')),
      step('b'),
      step('orphan', choice('go', 'end')),
      { id: 'end', ending: 'safe', choices: [choice('again', 'a')] },
      step('b', choice('go', 'end')),
    ]);
    expect(validateScenario(scenario, options).map((issue) => `${issue.code} ${issue.path}`)).toEqual([
      'duplicate-id scenario.steps[0].choices[1].id',
      'dangling-link scenario.steps[0].choices[1].next',
      'unknown-red-flag scenario.steps[0].choices[1].redFlags[0]',
      'dead-end scenario.steps[1].choices',
      'unreachable-step scenario.steps[2]',
      'ending-with-choices scenario.steps[3].choices',
      'duplicate-id scenario.steps[4].id',
    ]);
  });

  it('always sets severity "error" and a non-empty message', () => {
    const scenario = buildScenario('x', [step('a'), step('a')]);
    for (const issue of validateScenario(scenario, options)) {
      expect(issue.severity).toBe('error');
      expect(issue.message).toMatch(/\S/);
    }
  });
});

describe('validateQuiz', () => {
  it('accepts a valid quiz', () => {
    expect(validateQuiz(recruiterModule().quiz, options)).toEqual([]);
  });

  it('accepts a multiple-answer question with one or with all options correct', () => {
    const quiz = buildQuiz([
      question('one', 'multiple', [
        ['a', true],
        ['b', false],
      ]),
      question('all', 'multiple', [
        ['a', true],
        ['b', true],
      ]),
    ]);
    expect(validateQuiz(quiz, options)).toEqual([]);
  });

  it('reports questions without a correct option, whatever their kind', () => {
    const quiz = buildQuiz([
      question('s', 'single', [
        ['a', false],
        ['b', false],
      ]),
      question('m', 'multiple', [
        ['a', false],
        ['b', false],
      ]),
    ]);
    const issues = validateQuiz(quiz, options);
    expect(brief(issues)).toEqual([
      { code: 'quiz-no-correct-option', path: 'quiz.questions[0].options', questionId: 's' },
      { code: 'quiz-no-correct-option', path: 'quiz.questions[1].options', questionId: 'm' },
    ]);
    expect(issues[0]!.message).toBe('Question "s" has no correct option.');
  });

  it('reports a single-answer question with more than one correct option', () => {
    const quiz = buildQuiz([
      question('s', 'single', [
        ['a', true],
        ['b', true],
        ['c', false],
      ]),
    ]);
    const issues = validateQuiz(quiz, options);
    expect(brief(issues)).toEqual([
      { code: 'quiz-single-needs-one-correct', path: 'quiz.questions[0].options', questionId: 's' },
    ]);
    expect(issues[0]!.message).toBe(
      'Question "s" is single-answer but has 2 correct options; it needs exactly one.',
    );
  });

  it('reports duplicate option ids within a question, but not across questions', () => {
    const quiz = buildQuiz([
      question('q1', 'single', [
        ['a', true],
        ['b', false],
        ['a', false],
      ]),
      question('q2', 'single', [
        ['a', true],
        ['b', false],
      ]),
    ]);
    const issues = validateQuiz(quiz, options);
    expect(brief(issues)).toEqual([
      { code: 'quiz-duplicate-option', path: 'quiz.questions[0].options[2].id', questionId: 'q1' },
    ]);
    expect(issues[0]!.message).toBe('Question "q1" has more than one option with id "a".');
  });

  it('reports duplicate question ids on the later question', () => {
    const opts: [string, boolean][] = [
      ['a', true],
      ['b', false],
    ];
    const quiz = buildQuiz([
      question('q', 'single', opts),
      question('r', 'single', opts),
      question('q', 'single', opts),
    ]);
    expect(brief(validateQuiz(quiz, options))).toEqual([
      { code: 'duplicate-id', path: 'quiz.questions[2].id', questionId: 'q' },
    ]);
  });

  it('reports unknown red flags on questions, naming the key', () => {
    const quiz = buildQuiz([
      question(
        'q',
        'single',
        [
          ['a', true],
          ['b', false],
        ],
        ['urgency', 'mystery'],
      ),
    ]);
    const issues = validateQuiz(quiz, options);
    expect(brief(issues)).toEqual([
      { code: 'unknown-red-flag', path: 'quiz.questions[0].redFlags[1]', questionId: 'q' },
    ]);
    expect(issues[0]!.message).toBe('Question "q" cites unknown red flag "mystery".');
  });
});

describe('parseDraft', () => {
  it('accepts an incomplete draft as it stands', () => {
    const input = recruiterModuleInput();
    input.scenario.steps[2]!.narrative = '';
    const result = parseDraft(input);
    expect(result.ok).toBe(true);
    expect(result.ok && result.content.scenario.steps[2]!.narrative).toBe('');
  });

  it('names what no draft may hold in plain words, at its path', () => {
    const input = recruiterModuleInput();
    input.scenario.steps[0]!.title = 'x'.repeat(201);
    const result = parseDraft(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      expect.objectContaining({
        code: 'schema',
        path: 'scenario.steps[0].title',
        message:
          'Step 1 “' + 'x'.repeat(39) + '…”: the title is too long: at most 200 characters (it has 201).',
      }),
    ]);
  });
});
