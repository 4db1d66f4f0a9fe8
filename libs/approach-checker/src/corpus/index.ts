import { BENIGN_MESSAGES } from './benign.js';
import { HOLDOUT_MESSAGES } from './holdout.js';
import { HOSTILE_MESSAGES } from './hostile.js';
import type { CorpusMessage } from './types.js';

export { corpusMessageSchema, corpusSchema, type CorpusMessage } from './types.js';
export { BENIGN_MESSAGES, HOLDOUT_MESSAGES, HOSTILE_MESSAGES };

/**
 * The built-in test corpus: hostile and benign example messages that DEFAULT_RULES are tuned and
 * measured against. HOLDOUT_MESSAGES are kept apart: the rules were never tuned on them.
 */
export const DEFAULT_CORPUS: readonly CorpusMessage[] = Object.freeze([
  ...HOSTILE_MESSAGES,
  ...BENIGN_MESSAGES,
]);
