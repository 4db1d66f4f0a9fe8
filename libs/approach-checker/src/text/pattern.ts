import { stem } from './stem.js';
import type { Sentence, Token } from './tokenize.js';

/**
 * The pattern language of text rules: token sequences with synonym groups and bounded gaps.
 *
 *   pattern     := element ( link element )*
 *   link        := white space         the next element follows immediately
 *                | "~N"                the next element follows, with at most N other words between
 *                | "<~N>"              as ~N, but the next element may also come *before* this one
 *                | gap "!" excluded    as the gap, but none of the words in between may be an excluded term
 *   gap         := "~N" | "<~N>"
 *   excluded    := term | "{" term ( "|" term )* "}"   single terms only, no phrases
 *   element     := term | "{" alternative ( "|" alternative )* "}"
 *   alternative := term ( " " term )*  several terms in a row form a phrase, matched word for word
 *   term        := word                a word, compared by stem: "flights" matches flight, flying does not
 *                | word "*"            a prefix of the normal form (at least 3 letters): "telegr*"
 *                | "#"                 any number ("3", "000", "5k", "2025")
 *
 * N is 0..20. Words are normalised exactly like the text (lower case, accents and apostrophes
 * removed, then stemmed), so `Don't` in a pattern is the word `dont`, and `£` or `$` in a text
 * is the word `currency`. A pattern never matches across sentences.
 *
 * Examples
 *   "{cover|pay|reimburse} ~3 {flight|hotel|accommodation}"   "we would cover your flights"
 *   "{continue|move|talk} ~3 {on|via} {whatsapp|signal|telegram}"
 *   "keep ~3 between {us|ourselves|you and me}"
 *   "{debt|mortgage} <~6> {help|clear|solve}"                  "help you clear those debts" and
 *                                                              "debts we could help with"
 *   "{who|which} ~4!{our|my|we} {customer|client}"            "who are your main customers", but not
 *                                                              "which our customers appreciate"
 *
 * Matching is a small backtracking search over the spans where each element can match; failures
 * are memoised, so the cost is polynomial in the sentence length whatever the pattern.
 */

export const PATTERN_LIMITS = Object.freeze({
  maxLength: 1000,
  maxElements: 8,
  maxGap: 20,
  maxAlternatives: 80,
  maxPhraseLength: 6,
  minPrefixLength: 3,
});

export type Term =
  | { readonly kind: 'word'; readonly stem: string }
  | { readonly kind: 'prefix'; readonly prefix: string }
  | { readonly kind: 'number' };

export interface Element {
  /** Each alternative is a phrase: terms matched on consecutive tokens. */
  readonly alternatives: ReadonlyArray<readonly Term[]>;
}

export interface Link {
  /** Largest number of other tokens allowed between the two elements. */
  readonly maxGap: number;
  /** Whether the second element may also come before the first. */
  readonly anyOrder: boolean;
  /**
   * Terms that may not occur among the tokens between the two elements (`~4!{our|my}`), so that a
   * gap can be wide without letting the wrong words in: "what *your* clients…" but not "what *our*
   * clients…". Absent when the gap has no exclusions.
   */
  readonly excluded?: readonly Term[];
}

export interface CompiledPattern {
  readonly source: string;
  readonly elements: readonly Element[];
  /** links[i] joins elements[i] and elements[i + 1]. */
  readonly links: readonly Link[];
}

export class PatternSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based column in the pattern where the problem was found. */
    readonly column: number,
  ) {
    super(`${message} at column ${column}`);
    this.name = 'PatternSyntaxError';
  }
}

// --- Lexer ---------------------------------------------------------------------------------------

type Lexeme =
  | { type: 'word'; text: string; prefix: boolean; col: number }
  | { type: 'number'; col: number }
  | { type: 'link'; maxGap: number; anyOrder: boolean; exclusion: boolean; col: number }
  | { type: 'open' | 'close' | 'bar' | 'space'; col: number };

const WORD_CHAR = /[\p{L}\p{M}\p{N}'’]/u;
const SINGLE_CHAR_LEXEMES: Readonly<Record<string, 'open' | 'close' | 'bar' | 'number'>> = {
  '{': 'open',
  '}': 'close',
  '|': 'bar',
  '#': 'number',
};

function lex(source: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const col = i + 1;
    if (/\s/u.test(ch)) {
      while (i < source.length && /\s/u.test(source[i]!)) i++;
      out.push({ type: 'space', col });
      continue;
    }
    const single = SINGLE_CHAR_LEXEMES[ch];
    if (single) {
      out.push({ type: single, col });
      i++;
    } else if (ch === '~' || ch === '<') {
      const link = /^(<)?~(\d+)(>)?(!)?/.exec(source.slice(i));
      if (!link || Boolean(link[1]) !== Boolean(link[3])) {
        throw new PatternSyntaxError('expected a gap such as "~3" or "<~3>"', col);
      }
      const maxGap = Number(link[2]);
      if (maxGap > PATTERN_LIMITS.maxGap) {
        throw new PatternSyntaxError(
          `gap ${maxGap} is larger than the maximum of ${PATTERN_LIMITS.maxGap}`,
          col,
        );
      }
      out.push({ type: 'link', maxGap, anyOrder: Boolean(link[1]), exclusion: Boolean(link[4]), col });
      i += link[0].length;
    } else if (ch === '!') {
      throw new PatternSyntaxError('"!" must follow a gap, as in "~3!{our|my}"', col);
    } else if (WORD_CHAR.test(ch)) {
      let j = i;
      while (j < source.length && WORD_CHAR.test(source[j]!)) j++;
      const prefix = source[j] === '*';
      out.push({ type: 'word', text: source.slice(i, j), prefix, col });
      i = prefix ? j + 1 : j;
    } else {
      throw new PatternSyntaxError(`unexpected character "${ch}"`, col);
    }
  }
  return out;
}

// --- Parser --------------------------------------------------------------------------------------

function normalizePatternWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function toTerm(lexeme: Lexeme): Term {
  if (lexeme.type === 'number') return { kind: 'number' };
  if (lexeme.type !== 'word') throw new PatternSyntaxError('expected a word', lexeme.col);
  const norm = normalizePatternWord(lexeme.text);
  if (norm.length === 0)
    throw new PatternSyntaxError(`"${lexeme.text}" has no letters or digits`, lexeme.col);
  if (lexeme.prefix) {
    if (norm.length < PATTERN_LIMITS.minPrefixLength) {
      throw new PatternSyntaxError(
        `prefix "${lexeme.text}*" is too short (at least ${PATTERN_LIMITS.minPrefixLength} letters)`,
        lexeme.col,
      );
    }
    return { kind: 'prefix', prefix: norm };
  }
  return { kind: 'word', stem: stem(norm) };
}

/** Parses a pattern, throwing a PatternSyntaxError that says what is wrong and where. */
export function parsePattern(source: string): CompiledPattern {
  if (source.length > PATTERN_LIMITS.maxLength) {
    throw new PatternSyntaxError(`pattern is longer than ${PATTERN_LIMITS.maxLength} characters`, 1);
  }
  const lexemes = lex(source);
  // Leading and trailing white space is insignificant.
  while (lexemes[0]?.type === 'space') lexemes.shift();
  while (lexemes.at(-1)?.type === 'space') lexemes.pop();
  if (lexemes.length === 0) throw new PatternSyntaxError('pattern is empty', 1);

  const elements: Element[] = [];
  const links: Link[] = [];
  let pendingLink: Link | undefined;
  let i = 0;

  const pushElement = (element: Element, col: number) => {
    if (elements.length > 0) {
      // Two elements separated only by white space are adjacent.
      links.push(pendingLink ?? { maxGap: 0, anyOrder: false });
    }
    pendingLink = undefined;
    elements.push(element);
    if (elements.length > PATTERN_LIMITS.maxElements) {
      throw new PatternSyntaxError(`more than ${PATTERN_LIMITS.maxElements} elements`, col);
    }
  };

  while (i < lexemes.length) {
    const lexeme = lexemes[i]!;
    switch (lexeme.type) {
      case 'space':
        i++;
        break;
      case 'link': {
        if (elements.length === 0)
          throw new PatternSyntaxError('a pattern cannot start with a gap', lexeme.col);
        if (pendingLink) throw new PatternSyntaxError('two gaps in a row', lexeme.col);
        let next = i + 1;
        let excluded: Term[] | undefined;
        if (lexeme.exclusion) {
          ({ excluded, next } = parseExclusion(lexemes, next, lexeme.col));
        }
        if (next >= lexemes.length)
          throw new PatternSyntaxError('a pattern cannot end with a gap', lexeme.col);
        pendingLink = {
          maxGap: lexeme.maxGap,
          anyOrder: lexeme.anyOrder,
          ...(excluded ? { excluded } : {}),
        };
        i = next;
        break;
      }
      case 'word':
      case 'number':
        pushElement({ alternatives: [[toTerm(lexeme)]] }, lexeme.col);
        i++;
        break;
      case 'open': {
        const { element, next } = parseGroup(lexemes, i);
        pushElement(element, lexeme.col);
        i = next;
        break;
      }
      case 'close':
        throw new PatternSyntaxError('"}" without a matching "{"', lexeme.col);
      case 'bar':
        throw new PatternSyntaxError('"|" outside a {group}', lexeme.col);
    }
  }
  return { source, elements, links };
}

/** The terms after the "!" of a gap: one term, or a {group} of single terms. */
function parseExclusion(
  lexemes: Lexeme[],
  index: number,
  linkCol: number,
): { excluded: Term[]; next: number } {
  const lexeme = lexemes[index];
  if (lexeme?.type === 'word' || lexeme?.type === 'number')
    return { excluded: [toTerm(lexeme)], next: index + 1 };
  if (lexeme?.type !== 'open') {
    throw new PatternSyntaxError(
      'expected a word or a {group} of words right after "!"',
      lexeme?.col ?? linkCol,
    );
  }
  const { element, next } = parseGroup(lexemes, index);
  if (element.alternatives.some((phrase) => phrase.length > 1)) {
    throw new PatternSyntaxError(
      'the words excluded from a gap must be single words, not phrases',
      lexeme.col,
    );
  }
  return { excluded: element.alternatives.map((phrase) => phrase[0]!), next };
}

function parseGroup(lexemes: Lexeme[], openIndex: number): { element: Element; next: number } {
  const open = lexemes[openIndex]!;
  const alternatives: Term[][] = [];
  let phrase: Term[] = [];
  const endAlternative = (col: number) => {
    if (phrase.length === 0) throw new PatternSyntaxError('empty alternative in a {group}', col);
    if (phrase.length > PATTERN_LIMITS.maxPhraseLength) {
      throw new PatternSyntaxError(
        `a phrase in a {group} has more than ${PATTERN_LIMITS.maxPhraseLength} words`,
        col,
      );
    }
    alternatives.push(phrase);
    phrase = [];
    if (alternatives.length > PATTERN_LIMITS.maxAlternatives) {
      throw new PatternSyntaxError(
        `a {group} has more than ${PATTERN_LIMITS.maxAlternatives} alternatives`,
        col,
      );
    }
  };
  for (let i = openIndex + 1; i < lexemes.length; i++) {
    const lexeme = lexemes[i]!;
    switch (lexeme.type) {
      case 'space':
        break;
      case 'word':
      case 'number':
        phrase.push(toTerm(lexeme));
        break;
      case 'bar':
        endAlternative(lexeme.col);
        break;
      case 'close':
        endAlternative(lexeme.col);
        return { element: { alternatives }, next: i + 1 };
      case 'open':
        throw new PatternSyntaxError('groups cannot be nested', lexeme.col);
      case 'link':
        throw new PatternSyntaxError('gaps are not allowed inside a {group}', lexeme.col);
    }
  }
  throw new PatternSyntaxError('"{" is never closed', open.col);
}

// --- Matcher -------------------------------------------------------------------------------------

/** Where a pattern matched: token indexes within the sentence, inclusive. */
export interface TokenSpan {
  readonly first: number;
  readonly last: number;
}

function termMatches(term: Term, token: Token): boolean {
  switch (term.kind) {
    case 'word':
      return token.stem === term.stem;
    case 'prefix':
      return token.norm.startsWith(term.prefix);
    case 'number':
      return /^\p{N}/u.test(token.norm);
  }
}

// Index from stem to the positions where it occurs, built once per sentence (or stretch of
// sentences) and shared by every pattern tried on it: a phrase that starts with a plain word is only
// tried where that word occurs.
const stemIndexCache = new WeakMap<Sentence, Map<string, number[]>>();

function stemIndex(sentence: Sentence): Map<string, number[]> {
  let index = stemIndexCache.get(sentence);
  if (!index) {
    index = new Map();
    sentence.forEach((token, position) => {
      const positions = index!.get(token.stem);
      if (positions) positions.push(position);
      else index!.set(token.stem, [position]);
    });
    stemIndexCache.set(sentence, index);
  }
  return index;
}

const ALL_POSITIONS: readonly number[] = [];

/** All spans where an element matches in the sentence, ordered by first token then length. */
function elementSpans(element: Element, sentence: Sentence): TokenSpan[] {
  const spans: TokenSpan[] = [];
  const seen = new Set<number>();
  const index = stemIndex(sentence);
  for (const phrase of element.alternatives) {
    const head = phrase[0]!;
    const starts = head.kind === 'word' ? (index.get(head.stem) ?? []) : ALL_POSITIONS;
    const count = starts === ALL_POSITIONS ? sentence.length : starts.length;
    for (let k = 0; k < count; k++) {
      const first = starts === ALL_POSITIONS ? k : starts[k]!;
      if (first + phrase.length > sentence.length) continue;
      // The same span can be reached through two alternatives; keep one.
      const key = first * 64 + phrase.length;
      if (seen.has(key)) continue;
      if (phrase.every((term, offset) => termMatches(term, sentence[first + offset]!))) {
        seen.add(key);
        spans.push({ first, last: first + phrase.length - 1 });
      }
    }
  }
  return spans.sort((a, b) => a.first - b.first || a.last - b.last);
}

/** Whether no token strictly between `after` and `before` is one of the excluded terms. */
function gapIsClear(sentence: Sentence, after: number, before: number, excluded: readonly Term[]): boolean {
  for (let position = after + 1; position < before; position++) {
    if (excluded.some((term) => termMatches(term, sentence[position]!))) return false;
  }
  return true;
}

function linked(previous: TokenSpan, next: TokenSpan, link: Link, sentence: Sentence): boolean {
  let after: number;
  let before: number;
  if (next.first > previous.last) [after, before] = [previous.last, next.first];
  else if (link.anyOrder && next.last < previous.first) [after, before] = [next.last, previous.first];
  else return false;
  if (before - after - 1 > link.maxGap) return false;
  return !link.excluded || gapIsClear(sentence, after, before, link.excluded);
}

/**
 * The first match of a pattern in one sentence (earliest first element, then earliest choices),
 * as the span from its first to its last token; `undefined` when it does not match.
 */
export function matchInSentence(pattern: CompiledPattern, sentence: Sentence): TokenSpan | undefined {
  const spans = pattern.elements.map((element) => elementSpans(element, sentence));
  if (spans.some((list) => list.length === 0)) return undefined;
  const failed = new Set<string>();

  const extend = (index: number, previous: TokenSpan, first: number, last: number): TokenSpan | undefined => {
    if (index === pattern.elements.length) return { first, last };
    const key = `${index}:${previous.first}:${previous.last}`;
    if (failed.has(key)) return undefined;
    const link = pattern.links[index - 1]!;
    for (const candidate of spans[index]!) {
      if (!linked(previous, candidate, link, sentence)) continue;
      const found = extend(
        index + 1,
        candidate,
        Math.min(first, candidate.first),
        Math.max(last, candidate.last),
      );
      if (found) return found;
    }
    // The rest of the pattern depends only on (index, previous), so this state can never succeed.
    failed.add(key);
    return undefined;
  };

  for (const start of spans[0]!) {
    const found = extend(1, start, start.first, start.last);
    if (found) return found;
  }
  return undefined;
}

/** Whether the pattern matches anywhere in the sentence. */
export function matchesSentence(pattern: CompiledPattern, sentence: Sentence): boolean {
  return matchInSentence(pattern, sentence) !== undefined;
}
