import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as de from '@zxcvbn-ts/language-de';
import * as en from '@zxcvbn-ts/language-en';

/**
 * Password hashes with Node's scrypt (memory-hard, in the standard library):
 * `scrypt$N$r$p$salt$hash`, salt and hash in base64url. The parameters travel
 * with the hash, so they can be raised later without breaking old hashes.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const MAX_MEMORY = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** zxcvbn's score a new password needs: 3 of 0–4, "safely unguessable" (about 10^8 guesses or more). */
export const MIN_STRENGTH = 3;

export type Language = 'de' | 'en';

// German and English dictionaries (and the common passwords list) for both; the feedback in either language.
// Each estimator ranks the dictionaries when made (about 0.3 s), so it is made when first asked for, not at start.
const estimators: Partial<Record<Language, ZxcvbnFactory>> = {};
function estimator(language: Language): ZxcvbnFactory {
  estimators[language] ??= new ZxcvbnFactory({
    translations: (language === 'de' ? de : en).translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, ...de.dictionary },
  });
  return estimators[language];
}

const TEXT = {
  de: {
    short: 'muss mindestens 12 Zeichen haben',
    long: 'darf höchstens 200 Zeichen haben',
    weak: 'ist zu leicht zu erraten',
  },
  en: {
    short: 'must have at least 12 characters',
    long: 'must have at most 200 characters',
    weak: 'is too easy to guess',
  },
} as const;

/**
 * What is wrong with a new password, in the language asked for, or null: at least 12 and at most 200 characters,
 * and hard to guess by zxcvbn-ts with the German, English and common dictionaries (score MIN_STRENGTH), the
 * account's own email counting as known to an attacker. "Zwölf Leerzeichen", "aaaaaaaaaaaa", "123456789012" or
 * "passwordpassword" are refused, with zxcvbn's hint why.
 */
export function passwordProblem(
  password: string,
  context: readonly string[] = [],
  language: Language = 'en',
): string | null {
  const text = TEXT[language];
  if (password.length < 12) return text.short;
  if (password.length > 200) return text.long;
  const words = context.flatMap((value) => value.toLowerCase().split(/[@._+-]+/)).filter((w) => w.length >= 3);
  const result = estimator(language).check(password, words);
  if (result.score >= MIN_STRENGTH) return null;
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return hints ? `${text.weak}: ${hints}` : text.weak;
}
