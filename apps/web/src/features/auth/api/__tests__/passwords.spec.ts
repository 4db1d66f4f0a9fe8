import { tokenFromHash } from '../passwords';

describe('the link token', () => {
  const token = 'aB3_-'.repeat(8) + 'xyz';
  it('is read from the URL fragment', () => {
    expect(tokenFromHash(`#token=${token}`)).toBe(token);
    expect(tokenFromHash(`#other=1&token=${token}`)).toBe(token);
  });
  it('is refused when missing, cut short or altered', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash(`#token=${token.slice(0, 30)}`)).toBeNull();
    expect(tokenFromHash(`#token=${token.slice(0, 42)}*`)).toBeNull();
  });
});
