import { z } from 'zod';

export * from './credit-code.js';
export * from './phone.js';
export * from './date-window.js';

export const Id = z.uuid();
/** An instant as ISO 8601 with its offset, as every response and input carries times. */
export const Instant = z.iso.datetime({ offset: true });
export const IdParams = z.object({ id: Id });
export type IdParams = z.infer<typeof IdParams>;

/**
 * C0 control characters other than tab, newline and carriage return, DEL, and the C1 range
 * U+0080–U+009F: none is typed by a person, PostgreSQL refuses NUL, and the rest break
 * exports, printed briefings and the spreadsheets units open.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const hasControlCharacter = (s: string) => CONTROL.test(s);
export const CONTROL_CHARACTER_MESSAGE = '不能包含控制字符';

/** Any string field a person fills in (a keyword, a name, a code): no control characters. */
export const PlainString = () =>
  z.string().refine((s) => !hasControlCharacter(s), CONTROL_CHARACTER_MESSAGE);

/** Text a person types: trimmed, no control characters. */
export const Text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !hasControlCharacter(s), CONTROL_CHARACTER_MESSAGE);

export const Version = z.number().int().min(1);

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;
