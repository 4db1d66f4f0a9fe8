import { loadConfig } from '../config.js';

describe('loadConfig', () => {
  it('applies defaults for a fresh machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DEMO_SEED: true, COOKIE_SECURE: false });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', COOKIE_SECURE: 'maybe' })).toThrow(
      /PORT[\s\S]*COOKIE_SECURE|COOKIE_SECURE[\s\S]*PORT/,
    );
  });

  it('requires the bootstrap organisation and administrator together; the password is optional', () => {
    expect(() => loadConfig({ BOOTSTRAP_ORGANISATION: 'Acme' })).toThrow(
      /BOOTSTRAP_ADMIN_EMAIL: set BOOTSTRAP_ORGANISATION and BOOTSTRAP_ADMIN_EMAIL together/,
    );
    expect(() => loadConfig({ BOOTSTRAP_ADMIN_PASSWORD: 'a long enough secret' })).toThrow(
      /BOOTSTRAP_ORGANISATION: set .* together/,
    );
    expect(
      loadConfig({ BOOTSTRAP_ORGANISATION: '', BOOTSTRAP_ADMIN_EMAIL: ' ' }).BOOTSTRAP_ORGANISATION,
    ).toBeUndefined();
    expect(
      loadConfig({ BOOTSTRAP_ORGANISATION: 'Acme', BOOTSTRAP_ADMIN_EMAIL: 'admin@acme.test' }),
    ).toMatchObject({
      BOOTSTRAP_ORGANISATION: 'Acme',
      BOOTSTRAP_ADMIN_EMAIL: 'admin@acme.test',
    });
  });

  it('accepts MAIL_FROM as an address or "Name <address>", treats empty as unset, refuses anything else', () => {
    expect(loadConfig({}).MAIL_FROM).toBeUndefined();
    expect(loadConfig({ MAIL_FROM: '' }).MAIL_FROM).toBeUndefined();
    expect(loadConfig({ MAIL_FROM: 'security@example.org' }).MAIL_FROM).toBe('security@example.org');
    expect(loadConfig({ MAIL_FROM: 'Countersign <security@example.org>' }).MAIL_FROM).toBe(
      'Countersign <security@example.org>',
    );
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM: must be an email address/);
    expect(() => loadConfig({ MAIL_FROM: 'a@b.org\r\nBcc: x@y.org' })).toThrow(/MAIL_FROM/);
  });
});
