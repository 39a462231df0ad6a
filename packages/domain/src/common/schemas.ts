import { z } from 'zod';

export const Id = z.uuid();
/** An instant as ISO 8601 with its offset, as every response and input carries times. */
export const Instant = z.iso.datetime({ offset: true });
export const IdParams = z.object({ id: Id });
export type IdParams = z.infer<typeof IdParams>;

/** C0 control characters other than tab, newline and carriage return. */
const hasControlCharacter = (s: string) =>
  [...s].some((ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
  });

/** Text a person types: trimmed, no control characters (PostgreSQL refuses NUL). */
export const Text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !hasControlCharacter(s), '不能包含控制字符');

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
