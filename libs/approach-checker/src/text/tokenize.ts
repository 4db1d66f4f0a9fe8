import { stem } from './stem.js';

/**
 * Text normalisation for the matcher.
 *
 * A message is cut into sentences and each sentence into word tokens. Every token keeps its
 * character offsets in the original text (so a match can be shown as an excerpt), its normal form
 * and its stem:
 *
 * - a word is a run of letters, combining marks and digits, with inner apostrophes allowed
 *   ("don't", "client’s"); everything else (punctuation, symbols, emoji) separates words;
 * - normal form: Unicode NFKD, accents removed, lower-cased, apostrophes dropped
 *   ("Don’t" → "dont", "Café" → "cafe", "client's" → "clients");
 * - the currency symbols $ £ € ¥ ₹ ₽ become a word of their own, `currency`, so "£3,000" reads
 *   as `currency 3 000`;
 * - stem: the Porter stem of the normal form (see stem.ts); tokens containing digits or letters
 *   outside a–z are not stemmed.
 *
 * Sentences end at a line break, or at `.`, `!` or `?` (optionally followed by closing quotes or
 * brackets) followed by white space. "gmail.com" and "3.5" therefore stay in
 * one sentence; "Dr. Smith" is split, which costs nothing worse than a missed match across it.
 * Whether two tokens are in the same sentence depends only on the characters between them, so
 * joining two texts with a line break never changes the sentences of either.
 */

export interface Token {
  /** Normal form: accents removed, lower case, no apostrophes. */
  readonly norm: string;
  /** Porter stem of `norm`. */
  readonly stem: string;
  /** Offset of the first character in the original text. */
  readonly start: number;
  /** Offset just past the last character in the original text. */
  readonly end: number;
}

export type Sentence = readonly Token[];

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|[$£€¥₹₽]/gu;
const CURRENCY = /^[$£€¥₹₽]$/u;
// Tested on the characters *between* two tokens, so "followed by white space" is enough: a full
// stop directly followed by a word character ("gmail.com") never ends a sentence.
const SENTENCE_BREAK = /\n|[.!?]+["'”’)\]]*\s/u;

/** Normal form of one word: NFKD, accents and apostrophes removed, lower case. */
export function normalizeWord(word: string): string {
  if (CURRENCY.test(word)) return 'currency';
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The normal form of a whole text: its tokens' normal forms joined by single spaces. */
export function normalizeText(text: string): string {
  return tokenize(text)
    .flat()
    .map((token) => token.norm)
    .join(' ');
}

/** Splits a text into sentences of tokens (empty sentences are dropped). */
export function tokenize(text: string): Sentence[] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const gap = text.slice(previousEnd, start);
    if (current.length > 0 && SENTENCE_BREAK.test(gap)) {
      sentences.push(current);
      current = [];
    }
    previousEnd = start + match[0].length;
    const norm = normalizeWord(match[0]);
    if (norm.length === 0) continue;
    current.push({ norm, stem: stem(norm), start, end: previousEnd });
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}
