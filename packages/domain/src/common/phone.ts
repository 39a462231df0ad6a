import { z } from 'zod';

/** A mainland mobile number: 11 digits from 13x to 19x, optionally written with +86. */
const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
/**
 * A landline with its area code (010, 02x, or four digits such as 0755), a dash or not,
 * a 7- or 8-digit number and an optional extension: 010-12345678, 0755-1234567-801.
 */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;

export const isPhoneNumber = (s: string) => MOBILE.test(s) || LANDLINE.test(s);

/** What a hotline clerk writes down: a mobile or a landline with its area code. */
export const Phone = z
  .string()
  .trim()
  .max(30)
  .refine(
    isPhoneNumber,
    '电话号码格式不正确：手机号为11位（如 13912345678），座机需带区号（如 010-12345678）',
  );
