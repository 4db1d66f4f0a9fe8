import { nameKey, profileKey } from '../report-keys.js';

describe('profileKey', () => {
  it('treats the same profile written differently as one', () => {
    const key = profileKey('https://www.linkedin.com/in/jane-doe/');
    expect(key).toBe('linkedin.com/in/jane-doe');
    for (const url of [
      'http://linkedin.com/in/Jane-Doe',
      'https://WWW.LinkedIn.com/in/jane-doe?trk=public_profile#about',
      'https://m.linkedin.com/in/jane-doe//',
      'https://www.linkedin.com/in/jane%2Ddoe',
    ])
      expect(profileKey(url)).toBe(key);
  });

  it('keeps different profiles apart and ignores bare sites and nonsense', () => {
    expect(profileKey('https://linkedin.com/in/jane-doe-2')).not.toBe(
      profileKey('https://linkedin.com/in/jane-doe'),
    );
    expect(profileKey('https://linkedin.com/')).toBeNull();
    expect(profileKey('not a url')).toBeNull();
    expect(profileKey(undefined)).toBeNull();
  });
});

describe('nameKey', () => {
  it('ignores case, spacing, punctuation and accents', () => {
    expect(nameKey('Jane  DOE')).toBe('jane doe');
    expect(nameKey(' jane doe ')).toBe('jane doe');
    expect(nameKey('Jane Doé')).toBe('jane doe');
    expect(nameKey('Jane-Doe')).toBe('jane doe');
    expect(nameKey('Zhāng Wěi')).toBe('zhang wei');
  });

  it('gives no key for an empty or punctuation-only name', () => {
    expect(nameKey('')).toBeNull();
    expect(nameKey('—')).toBeNull();
    expect(nameKey(undefined)).toBeNull();
  });
});
