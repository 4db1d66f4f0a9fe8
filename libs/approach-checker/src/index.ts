/**
 * @countersign/approach-checker — the rules engine behind the employee's approach checker.
 *
 * Guided questions and pasted message text go in; red flags from the shared catalogue, each
 * explained, and a low / medium / high rating with advice come out. Rules are data (editable per
 * organisation) and are measured against a labelled corpus of example messages.
 */
export {
  QUESTIONS,
  MAX_MESSAGE_LENGTH,
  answersSchema,
  checkAnswersSchema,
  questionById,
  type CheckAnswers,
  type CheckInput,
  type ParsedCheckInput,
  type OptionId,
  type Question,
  type QuestionId,
  type QuestionOption,
} from './questions.js';
export {
  DEFAULT_RULES,
  answerRuleSchema,
  compileRuleSet,
  ruleSetSchema,
  textRuleSchema,
  type AnswerRule,
  type CompiledRuleSet,
  type CompiledTextRule,
  type RuleSet,
  type TextRule,
} from './rules.js';
export {
  MAX_EXCERPT_LENGTH,
  RATINGS,
  RATING_ADVICE,
  checkApproach,
  findTextRuleMatch,
  rateScore,
  type CheckResult,
  type Evidence,
  type FlagFinding,
  type Rating,
} from './check.js';
export { evaluateCorpus, type CorpusEvaluation, type Counts, type MessageOutcome } from './evaluate.js';
export {
  DEFAULT_CORPUS,
  HOLDOUT_MESSAGES,
  HOSTILE_MESSAGES,
  BENIGN_MESSAGES,
  corpusMessageSchema,
  corpusSchema,
  type CorpusMessage,
} from './corpus/index.js';
export {
  PATTERN_LIMITS,
  PatternSyntaxError,
  parsePattern,
  matchInSentence,
  matchesSentence,
  type CompiledPattern,
  type Element as PatternElement,
  type Link as PatternLink,
  type Term as PatternTerm,
  type TokenSpan,
} from './text/pattern.js';
export { normalizeText, normalizeWord, tokenize, type Sentence, type Token } from './text/tokenize.js';
export { stem } from './text/stem.js';
