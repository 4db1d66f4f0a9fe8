import { stem } from '../text/stem.js';

describe('stem (Porter)', () => {
  it.each([
    // Step 1a/1b/1c examples from Porter (1980).
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['ties', 'ti'],
    ['caress', 'caress'],
    ['cats', 'cat'],
    ['feed', 'feed'],
    ['plastered', 'plaster'],
    ['motoring', 'motor'],
    ['sing', 'sing'],
    ['hopping', 'hop'],
    ['tanned', 'tan'],
    ['falling', 'fall'],
    ['hissing', 'hiss'],
    ['fizzed', 'fizz'],
    ['failing', 'fail'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['sky', 'sky'],
    // Whole-algorithm results.
    ['generalizations', 'gener'],
    ['oscillators', 'oscil'],
    ['connection', 'connect'],
    ['connections', 'connect'],
    ['connected', 'connect'],
    ['connecting', 'connect'],
    ['relational', 'relat'],
    ['hopefulness', 'hope'],
    ['goodness', 'good'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('conflates the inflections the rules rely on', () => {
    const same = (...words: string[]) => expect(new Set(words.map(stem)).size).toBe(1);
    same('flight', 'flights');
    same('travel', 'travelling', 'travelled', 'traveller', 'travels');
    same('reimburse', 'reimbursed', 'reimbursing');
    same('expense', 'expenses');
    same('pay', 'pays', 'paying');
    same('report', 'reports', 'reporting');
    same('recruiter', 'recruiting', 'recruit');
  });

  it('leaves short words, digits and non-ASCII words alone', () => {
    expect(stem('is')).toBe('is');
    expect(stem('5k')).toBe('5k');
    expect(stem('2025')).toBe('2025');
    expect(stem('straße')).toBe('straße');
  });
});
