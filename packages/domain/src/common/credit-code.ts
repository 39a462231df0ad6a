import { z } from 'zod';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 31 symbols — digits and capitals
 * without I, O, S, V, Z, which are too easily misread — the last a check character over
 * the first 17.
 */
const SYMBOLS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** Weight of position i (0-based) is 3^i mod 31, as the standard tabulates them. */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/**
 * The check character for the first 17 characters: 31 − (Σ value × weight mod 31), where
 * 31 itself is written 0. Null when a character is not one of the 31 symbols.
 */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = SYMBOLS.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return SYMBOLS[check === 31 ? 0 : check];
}

/**
 * How a clerk's typing becomes the code: full-width forms (１２３ＡＢＣ, from a Chinese input
 * method) to ASCII, spaces dropped, letters upper-cased. Only the writing changes, never a
 * symbol, so "91…ma…" and "91…MA…" are one code and one subject.
 */
export function normaliseCreditCode(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

/** True for an 18-character code (already normalised) whose check character is right. */
export function isValidCreditCode(code: string): boolean {
  return SHAPE.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** A credit code as typed: normalised, then held to the standard's shape and check character. */
export const CreditCode = z
  .string()
  .max(40)
  .overwrite(normaliseCreditCode)
  .refine((c) => c.length === 18, '统一社会信用代码应为18位')
  .refine(
    (c) => c.length !== 18 || SHAPE.test(c),
    '统一社会信用代码只能由数字和大写字母组成（不含 I、O、S、V、Z）',
  )
  .refine(
    (c) => !SHAPE.test(c) || isValidCreditCode(c),
    '统一社会信用代码校验位不正确，请核对后重新输入',
  );
