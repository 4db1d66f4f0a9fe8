import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config/config.js';
import { SecretBox } from '../secret-box.js';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('SecretBox', () => {
  it('opens what it sealed, only in the same context and under the same key', () => {
    const box = new SecretBox(loadConfig({ SECRETS_KEY: KEY }));
    const sealed = box.seal('client-secret-ü', 'sso:org-1');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('client-secret');
    expect(box.open(sealed, 'sso:org-1')).toBe('client-secret-ü');
    expect(box.seal('client-secret-ü', 'sso:org-1')).not.toBe(sealed);
    expect(() => box.open(sealed, 'sso:org-2')).toThrow(/cannot be read/);
    const other = new SecretBox(loadConfig({ SECRETS_KEY: Buffer.alloc(32, 8).toString('base64') }));
    expect(() => other.open(sealed, 'sso:org-1')).toThrow(/cannot be read/);
  });

  it('refuses a SECRETS_KEY that is not 32 bytes', () => {
    expect(() => loadConfig({ SECRETS_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /SECRETS_KEY: must be 32 bytes/,
    );
  });

  it('without SECRETS_KEY makes one in DATA_DIR outside production, and refuses in production', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'secret-box-'));
    const box = new SecretBox(loadConfig({ DATA_DIR: dir }));
    const sealed = box.seal('x', 'c');
    const file = path.join(dir, 'secrets.key');
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(new SecretBox(loadConfig({ DATA_DIR: dir })).open(sealed, 'c')).toBe('x');
    const production = new SecretBox(loadConfig({ DATA_DIR: dir, NODE_ENV: 'production' }));
    expect(() => production.seal('x', 'c')).toThrow(/no SECRETS_KEY/);
  });
});
