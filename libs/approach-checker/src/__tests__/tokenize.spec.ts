import { normalizeText, normalizeWord, tokenize } from '../text/tokenize.js';

describe('normalizeWord', () => {
  it('lower-cases, strips accents and drops apostrophes', () => {
    expect(normalizeWord('Café')).toBe('cafe');
    expect(normalizeWord('Don’t')).toBe('dont');
    expect(normalizeWord("client's")).toBe('clients');
    expect(normalizeWord('ÉLÈVE')).toBe('eleve');
  });

  it('turns currency symbols into the word "currency"', () => {
    expect(normalizeWord('£')).toBe('currency');
    expect(normalizeWord('€')).toBe('currency');
    expect(normalizeWord('$')).toBe('currency');
  });
});

describe('normalizeText', () => {
  it('strips punctuation and collapses white space', () => {
    expect(normalizeText('  Let’s  continue —\ton WhatsApp!!  ')).toBe('lets continue on whatsapp');
  });

  it('reads an amount as currency followed by its digits', () => {
    expect(normalizeText('We pay £1,500.')).toBe('we pay currency 1 500');
  });

  it('handles decomposed accents the same as composed ones', () => {
    expect(normalizeText('cafe\u0301')).toBe(normalizeText('café'));
  });
});

describe('tokenize', () => {
  it('keeps character offsets into the original text', () => {
    const text = 'Hi — we’d cover flights.';
    const tokens = tokenize(text).flat();
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual([
      'Hi',
      'we’d',
      'cover',
      'flights',
    ]);
    expect(tokens.map((token) => token.stem)).toEqual(['hi', 'wed', 'cover', 'flight']);
  });

  it('splits sentences at . ! ? followed by white space, and at line breaks', () => {
    const sentences = tokenize('One two. Three? Four!\nFive "six." Seven\nEight');
    expect(sentences.map((sentence) => sentence.map((token) => token.norm).join(' '))).toEqual([
      'one two',
      'three',
      'four',
      'five six',
      'seven',
      'eight',
    ]);
  });

  it('does not split inside addresses or numbers', () => {
    expect(tokenize('Write to me.private@gmail.com or call 3.5 times').length).toBe(1);
  });

  it('returns nothing for text without words', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ... !!! — ')).toEqual([]);
  });
});
