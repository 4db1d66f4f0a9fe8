import { assertStrongPassword, contextWords } from '../password-policy.js';

const owner = {
  name: 'Ada Lovelace',
  email: 'ada.lovelace@analytical.example',
  organisation: 'Difference Engines',
};

async function refusal(password: string): Promise<string | null> {
  try {
    await assertStrongPassword(password, owner);
    return null;
  } catch (error) {
    return (error as { details: { field: string; message: string }[] }).details[0]!.message;
  }
}

describe('password policy', () => {
  it('takes the person’s own words from their name, email and organisation', () => {
    expect(contextWords(owner)).toEqual(
      expect.arrayContaining(['ada.lovelace', 'lovelace', 'analytical', 'difference', 'engines']),
    );
    expect(contextWords(owner)).not.toContain('example');
  });

  it('accepts a long phrase of unrelated words', async () => {
    expect(await refusal('violet harbour lantern 58 quill')).toBeNull();
  });

  it.each([
    ['too short', 'Xy7#kq', /at least 12/],
    ['a common password with digits', 'password1234', /too easy to guess/],
    ['a keyboard walk', 'qwertyuiop123', /too easy to guess/],
    ['the person’s surname', 'Lovelace!2026#x', /name, email address or organisation/],
    ['the email’s domain', 'analytical-zebra-94', /name, email address or organisation/],
    ['the organisation', 'engines quartz moon', /name, email address or organisation/],
  ])('refuses %s', async (_what, password, message) => {
    expect(await refusal(password)).toMatch(message);
  });
});
