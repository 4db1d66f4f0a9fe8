import { initials } from '../format';

describe('initials', () => {
  it.each([
    ['Li Wei Zhang', 'LZ'],
    ['Madonna', 'M'],
    ['Helena Brandt <h.brandt@meridian-insight.example>', 'HB'],
    ['<recruiting@example.org>', 'R'],
    ['  ', '?'],
    ['Élodie Marchand-Roux', 'ÉM'],
    ['"Talent Team" (Northgate)', 'TN'],
  ])('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
