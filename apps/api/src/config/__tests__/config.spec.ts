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

  it('requires the bootstrap variables together', () => {
    expect(() => loadConfig({ BOOTSTRAP_ORGANISATION: 'Acme' })).toThrow(
      /BOOTSTRAP_ORGANISATION: set .* together/,
    );
  });
});
