import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@countersign/contracts/auth';
import { unprocessable } from '../../common/domain-error.js';

/**
 * zxcvbn-ts (the maintained TypeScript successor of Dropbox's zxcvbn) estimates how many guesses
 * a password would take against dictionaries, keyboard patterns, dates and l33t substitutions.
 * Score 3 ("safely unguessable: moderate protection from offline slow-hash attacks", ≥ 10^8
 * guesses) is the floor, with argon2id behind it. Built once: the dictionaries take ~100 ms to load.
 */
const MIN_SCORE = 3;
let estimator: ZxcvbnFactory | null = null;
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  }));

export interface PasswordOwner {
  name: string;
  email: string;
  organisation?: string;
}

/** The words of a person's own that must not make up their password (ASVS V2.1.7 context words). */
export function contextWords(owner: PasswordOwner): string[] {
  const [local = '', domain = ''] = owner.email.toLowerCase().split('@');
  const words = [
    local,
    ...local.split(/[^a-z0-9]+/),
    ...domain.split('.').slice(0, -1),
    ...owner.name.toLowerCase().split(/[^\p{L}\p{N}]+/u),
    ...(owner.organisation ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u),
  ];
  return [...new Set(words.filter((w) => w.length >= 3))];
}

/**
 * Throws 422 `weak_password` naming `field` with what to do instead, or returns when the password
 * is acceptable: long enough, not built on the person's name, email or organisation, and estimated
 * at score ≥ 3 with those words counted as known to an attacker.
 */
export async function assertStrongPassword(
  password: string,
  owner: PasswordOwner,
  field = 'password',
): Promise<void> {
  const refuse = (message: string) => {
    throw unprocessable('weak_password', `Choose a stronger password: ${message}`, [{ field, message }]);
  };
  if (password.length < PASSWORD_MIN_LENGTH) refuse(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) refuse(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  const words = contextWords(owner);
  const folded = password.toLowerCase();
  const own = words.find((w) => w.length >= 4 && folded.includes(w));
  if (own) refuse('must not contain your name, email address or organisation');
  const result = await zxcvbn().check(password, words);
  if (result.score < MIN_SCORE) {
    const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
    refuse(
      `is too easy to guess. ${hint || 'Use three or four unrelated words, or a longer phrase.'}`.trim(),
    );
  }
}
