import { randomInt } from 'node:crypto';
import { passwordProblems } from '@lianxi/domain';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '@#%+=!';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

const pick = (from: string) => from[randomInt(from.length)];

/**
 * A one-time first password of 14 characters from every class (no look-alikes such as O/0
 * or l/1, since it is read off a screen and typed), meeting the password policy.
 */
export function firstPassword(username: string): string {
  for (;;) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < 14) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    const password = chars.join('');
    if (!passwordProblems(password, username).length) return password;
  }
}
