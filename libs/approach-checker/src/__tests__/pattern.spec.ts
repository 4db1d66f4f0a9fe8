import fc from 'fast-check';
import {
  matchInSentence,
  parsePattern,
  PatternSyntaxError,
  type CompiledPattern,
  type Term,
  type TokenSpan,
} from '../text/pattern.js';
import { tokenize, type Sentence } from '../text/tokenize.js';

const sentence = (text: string): Sentence => tokenize(text.replace(/[.!?\n]/g, ' ')).flat();
const matches = (pattern: string, text: string) =>
  matchInSentence(parsePattern(pattern), sentence(text)) !== undefined;
const matchedText = (pattern: string, text: string) => {
  const tokens = sentence(text);
  const span = matchInSentence(parsePattern(pattern), tokens);
  return (
    span &&
    tokens
      .slice(span.first, span.last + 1)
      .map((token) => token.norm)
      .join(' ')
  );
};

describe('parsePattern', () => {
  it('parses words, groups with phrases, prefixes, numbers and links', () => {
    const pattern = parsePattern('{Cover|pay for} ~3 flights <~2> hotel* #');
    expect(pattern.elements).toEqual([
      {
        alternatives: [
          [{ kind: 'word', stem: 'cover' }],
          [
            { kind: 'word', stem: 'pai' },
            { kind: 'word', stem: 'for' },
          ],
        ],
      },
      { alternatives: [[{ kind: 'word', stem: 'flight' }]] },
      { alternatives: [[{ kind: 'prefix', prefix: 'hotel' }]] },
      { alternatives: [[{ kind: 'number' }]] },
    ]);
    expect(pattern.links).toEqual([
      { maxGap: 3, anyOrder: false },
      { maxGap: 2, anyOrder: true },
      { maxGap: 0, anyOrder: false },
    ]);
  });

  it('parses the words excluded from a gap', () => {
    expect(parsePattern('what ~4!{Our|my|we} client <~2>!# fee ~1!fees* x').links).toEqual([
      {
        maxGap: 4,
        anyOrder: false,
        excluded: [
          { kind: 'word', stem: 'our' },
          { kind: 'word', stem: 'my' },
          { kind: 'word', stem: 'we' },
        ],
      },
      { maxGap: 2, anyOrder: true, excluded: [{ kind: 'number' }] },
      { maxGap: 1, anyOrder: false, excluded: [{ kind: 'prefix', prefix: 'fees' }] },
    ]);
    expect(parsePattern('what ~4 client').links[0]).not.toHaveProperty('excluded');
  });

  it('normalises pattern words like text words', () => {
    expect(parsePattern('Don’t').elements[0]).toEqual({ alternatives: [[{ kind: 'word', stem: 'dont' }]] });
    expect(parsePattern('Café').elements[0]).toEqual({ alternatives: [[{ kind: 'word', stem: 'cafe' }]] });
  });

  it.each([
    ['', 'pattern is empty at column 1'],
    ['   ', 'pattern is empty at column 1'],
    ['{cover ~3', 'gaps are not allowed inside a {group} at column 8'],
    ['{cover|pay', '"{" is never closed at column 1'],
    ['cover}', '"}" without a matching "{" at column 6'],
    ['{a|{b}}', 'groups cannot be nested at column 4'],
    ['{a||b}', 'empty alternative in a {group} at column 4'],
    ['{}', 'empty alternative in a {group} at column 2'],
    ['a | b', '"|" outside a {group} at column 3'],
    ['~3 cover', 'a pattern cannot start with a gap at column 1'],
    ['cover ~3', 'a pattern cannot end with a gap at column 7'],
    ['cover ~3 ~2 flight', 'two gaps in a row at column 10'],
    ['cover ~99 flight', 'gap 99 is larger than the maximum of 20 at column 7'],
    ['cover <~3 flight', 'expected a gap such as "~3" or "<~3>" at column 7'],
    ['cover ~ flight', 'expected a gap such as "~3" or "<~3>" at column 7'],
    ['cover, flight', 'unexpected character "," at column 6'],
    ['e-mail', 'unexpected character "-" at column 2'],
    ['ab* flight', 'prefix "ab*" is too short (at least 3 letters) at column 1'],
    ["'", '"\'" has no letters or digits at column 1'],
    ['what !{our} client', '"!" must follow a gap, as in "~3!{our|my}" at column 6'],
    ['what ~4! {our} client', 'expected a word or a {group} of words right after "!" at column 9'],
    ['what ~4!', 'expected a word or a {group} of words right after "!" at column 6'],
    ['what ~4!{our|my}', 'a pattern cannot end with a gap at column 6'],
    [
      'what ~4!{our|my own} client',
      'the words excluded from a gap must be single words, not phrases at column 9',
    ],
    ['what ~4!{our ~2} client', 'gaps are not allowed inside a {group} at column 14'],
  ])('rejects %j: %s', (source, message) => {
    expect(() => parsePattern(source)).toThrow(
      new PatternSyntaxError(
        message.replace(/ at column \d+$/, ''),
        Number(/column (\d+)$/.exec(message)![1]),
      ),
    );
  });

  it('reports the column on the error object', () => {
    try {
      parsePattern('{pay|fee} ~3 {report');
      throw new Error('expected a syntax error');
    } catch (error) {
      expect(error).toBeInstanceOf(PatternSyntaxError);
      expect((error as PatternSyntaxError).column).toBe(14);
    }
  });

  it('limits the size of a pattern', () => {
    expect(() => parsePattern('a b c d e f g h i')).toThrow(/more than 8 elements/);
    expect(() => parsePattern('x'.repeat(1001))).toThrow(/longer than 1000 characters/);
    expect(() => parsePattern(`{${Array.from({ length: 81 }, (_, i) => `w${i}`).join('|')}}`)).toThrow(
      /more than 80 alternatives/,
    );
  });
});

describe('matchInSentence', () => {
  it('matches words by stem', () => {
    expect(matches('flight', 'two flights were booked')).toBe(true);
    expect(matches('cover ~3 flight', 'we would cover your flights')).toBe(true);
    expect(matches('travel', 'after travelling abroad')).toBe(true);
  });

  it('needs adjacent words when elements are separated by white space only', () => {
    expect(matches('my name is', 'my name is Anna')).toBe(true);
    expect(matches('my name is', 'my real name is Anna')).toBe(false);
  });

  it('allows at most N words between the elements of ~N, in order only', () => {
    expect(matches('cover ~3 hotel', 'cover the whole hotel')).toBe(true); // 2 between
    expect(matches('cover ~3 hotel', 'cover the cost of your hotel')).toBe(false); // 4 between
    expect(matches('cover ~3 hotel', 'the hotel we will cover')).toBe(false);
  });

  it('allows either order with <~N>', () => {
    expect(matches('cover <~3> hotel', 'the hotel we cover')).toBe(true);
    expect(matches('cover <~3> hotel', 'cover the hotel')).toBe(true);
    expect(matches('cover <~1> hotel', 'the hotel we will cover')).toBe(false);
  });

  it('matches phrases inside groups word for word', () => {
    expect(matchedText('{personal email|whatsapp}', 'send it to my personal email please')).toBe(
      'personal email',
    );
    expect(matches('{personal email|whatsapp}', 'personal and email')).toBe(false);
  });

  it('matches prefixes on the normal form and numbers with #', () => {
    expect(matches('telegr*', 'find me on Telegram')).toBe(true);
    expect(matches('currency #', 'a fee of £2,000')).toBe(true);
    expect(matches('#', 'no numbers here')).toBe(false);
  });

  it('rejects a gap that contains an excluded word, in either order', () => {
    const pattern = '{who|which|what} ~4!{our|my|we} {customer|client}';
    expect(matchedText(pattern, 'who are your main clients')).toBe('who are your main clients');
    expect(matchedText(pattern, 'which customers does your division supply')).toBe('which customers');
    expect(matches(pattern, 'what our clients value')).toBe(false);
    expect(matches(pattern, 'exactly what my clients are looking for')).toBe(false);
    expect(matches(pattern, 'that is what we offer clients')).toBe(false);
    // Only the words between the two elements count, not those around them.
    expect(matches(pattern, 'our question is which clients you serve')).toBe(true);
    expect(matches(pattern, 'which clients are our competitors')).toBe(true);
    expect(matches('cover <~3>!{my|our} hotel', 'the hotel we cover')).toBe(true);
    expect(matches('cover <~3>!{my|our} hotel', 'the hotel our team will cover')).toBe(false);
    expect(matches('cover <~3>!{my|our} hotel', 'cover my hotel')).toBe(false);
  });

  it('tries another placement when the nearest one crosses an excluded word', () => {
    // "what … clients" crosses "our"; the later "which clients" does not.
    expect(
      matchedText('{what|which} ~6!our client', 'what our clients want and which clients you have'),
    ).toBe('which clients');
  });

  it('does not let two elements use the same words', () => {
    expect(matches('pay <~3> pay', 'we pay')).toBe(false);
    expect(matches('pay <~3> pay', 'we pay and pay')).toBe(true);
  });

  it('returns the first match, spanning all its elements', () => {
    expect(matchedText('{cover|pay} ~3 {flight|hotel}', 'they pay for hotels and cover flights')).toBe(
      'pay for hotels',
    );
    expect(matchedText('hotel <~4> cover', 'we cover your hotel')).toBe('cover your hotel');
  });

  it('finds a match that needs backtracking', () => {
    // The first "pay" cannot be completed, the second can.
    expect(matchedText('pay ~1 for ~1 report', 'pay now and pay for a report')).toBe('pay for a report');
  });

  it('stays fast on long, repetitive sentences', () => {
    const long = sentence(Array.from({ length: 2500 }, () => 'pay').join(' '));
    const started = Date.now();
    expect(
      matchInSentence(parsePattern('pay ~20 pay ~20 pay ~20 pay ~20 pay ~20 pay ~20 pay ~20 report'), long),
    ).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

// --- The matcher against a brute-force reference ------------------------------------------------

const VOCABULARY = ['pay', 'paid', 'flight', 'flights', 'hotel', 'cover', 'the', 'your', 'we', '3'];
const wordArb = fc.constantFrom(...VOCABULARY);

const termArb = fc.oneof(
  { weight: 6, arbitrary: wordArb },
  { weight: 1, arbitrary: fc.constant('#') },
  { weight: 1, arbitrary: fc.constantFrom('fli*', 'hot*', 'pai*') },
);
const elementArb = fc.oneof(
  termArb,
  fc
    .array(fc.array(termArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 })
    .map((alts) => `{${alts.map((alt) => alt.join(' ')).join('|')}}`),
);
const exclusionArb = fc.oneof(
  fc.constant(''),
  termArb.map((term) => `!${term}`),
  fc.array(termArb, { minLength: 1, maxLength: 3 }).map((terms) => `!{${terms.join('|')}}`),
);
const linkArb = fc.oneof(
  fc.constant(' '),
  fc.tuple(fc.nat({ max: 3 }), exclusionArb).map(([n, excluded]) => ` ~${n}${excluded} `),
  fc.tuple(fc.nat({ max: 3 }), exclusionArb).map(([n, excluded]) => ` <~${n}>${excluded} `),
);
const patternArb = fc
  .tuple(elementArb, fc.array(fc.tuple(linkArb, elementArb), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([link, element]) => link + element).join(''));

/** Every way of placing the elements, checked link by link: the definition, without the search. */
function bruteForce(pattern: CompiledPattern, tokens: Sentence): boolean {
  const termAt = (term: Term, position: number) => {
    const token = tokens[position]!;
    if (term.kind === 'word') return token.stem === term.stem;
    if (term.kind === 'prefix') return token.norm.startsWith(term.prefix);
    return /^\d/.test(token.norm);
  };
  const spansOf = (index: number): TokenSpan[] => {
    const spans: TokenSpan[] = [];
    for (let first = 0; first < tokens.length; first++) {
      for (const phrase of pattern.elements[index]!.alternatives) {
        const ok =
          first + phrase.length <= tokens.length && phrase.every((term, k) => termAt(term, first + k));
        if (ok) spans.push({ first, last: first + phrase.length - 1 });
      }
    }
    return spans;
  };
  const all = pattern.elements.map((_, index) => spansOf(index));
  const place = (index: number, previous: TokenSpan): boolean => {
    if (index === pattern.elements.length) return true;
    const { maxGap, anyOrder, excluded = [] } = pattern.links[index - 1]!;
    // The tokens strictly between two spans, in whichever order they come.
    const between = (a: TokenSpan, b: TokenSpan) =>
      tokens
        .map((_, position) => position)
        .filter((p) => p > Math.min(a.last, b.last) && p < Math.max(a.first, b.first));
    return all[index]!.some((span) => {
      const after = span.first > previous.last && span.first - previous.last - 1 <= maxGap;
      const before = anyOrder && span.last < previous.first && previous.first - span.last - 1 <= maxGap;
      const clear = between(previous, span).every((p) => excluded.every((term) => !termAt(term, p)));
      return (after || before) && clear && place(index + 1, span);
    });
  };
  return all[0]!.some((span) => place(1, span));
}

describe('matchInSentence against a brute-force reference', () => {
  it('finds a match exactly when one exists, and reports a span inside the sentence', () => {
    fc.assert(
      fc.property(patternArb, fc.array(wordArb, { maxLength: 12 }), (source, words) => {
        const pattern = parsePattern(source);
        const tokens = sentence(words.join(' '));
        const found = matchInSentence(pattern, tokens);
        expect(found !== undefined).toBe(bruteForce(pattern, tokens));
        if (found) {
          expect(found.first).toBeGreaterThanOrEqual(0);
          expect(found.last).toBeLessThan(tokens.length);
          expect(found.first).toBeLessThanOrEqual(found.last);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
