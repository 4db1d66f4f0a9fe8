import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DomainError } from './domain-error.js';

const VERSION = 'v1';

/**
 * Encrypts the secrets Countersign must be able to read back (an identity provider's client
 * secret, an authenticator's seed) with AES-256-GCM under SECRETS_KEY. Node's own crypto does the
 * work: an authenticated cipher from the platform needs no library. A stored value reads
 * `v1.<iv>.<tag>.<ciphertext>` (base64url), so a later key version can sit beside it.
 *
 * `context` binds a value to where it is stored (say `sso:<organisation id>`): a ciphertext
 * copied into another row does not decrypt.
 */
@Injectable()
export class SecretBox {
  private readonly logger = new Logger(SecretBox.name);
  private key: Buffer | null | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  seal(plain: string, context: string): string {
    const key = this.requireKey();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string, context: string): string {
    const key = this.requireKey();
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new DomainError(
        500,
        'secret_unreadable',
        'A stored secret cannot be read with this server’s SECRETS_KEY. Restore the key it was saved with, or enter the secret again.',
      );
    }
  }

  private requireKey(): Buffer {
    if (this.key === undefined) this.key = this.loadKey();
    if (!this.key) {
      throw new DomainError(
        409,
        'secrets_key_missing',
        'This server has no SECRETS_KEY, so it cannot store secrets. Set SECRETS_KEY (openssl rand -base64 32) and restart.',
      );
    }
    return this.key;
  }

  private loadKey(): Buffer | null {
    if (this.config.SECRETS_KEY) return Buffer.from(this.config.SECRETS_KEY, 'base64');
    if (this.config.NODE_ENV === 'production') return null;
    const file = path.join(this.config.DATA_DIR, 'secrets.key');
    try {
      return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    } catch {
      mkdirSync(this.config.DATA_DIR, { recursive: true });
      const key = randomBytes(32);
      try {
        writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
      } catch {
        // Another process wrote it first: use theirs.
        return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
      }
      this.logger.warn(`SECRETS_KEY is not set: made one in ${file}. Set SECRETS_KEY in production.`);
      return key;
    }
  }
}
