import { z } from 'zod';
import { page } from './schemas.js';

/**
 * The list conventions every searchable list shares (README "Lists"):
 * - `limit` + `cursor` page newest first by keyset, as clients always have;
 * - `offset` pages by number instead (the workbench's tables), and may sort (`sort`,
 *   `-` for descending); cursor and offset, or cursor and sort, together are a 400;
 * - only page-number requests count `total`: counting every matching row on each request
 *   would cost the busy cursor clients (a unit's inbox) the whole index range each time;
 * - dates are Beijing calendar days (YYYY-MM-DD), both ends included.
 */
export const ListPaging = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
};

/** A day in Beijing time, as the search bar sends it. */
export const Day = z.iso.date();

/** C0 and C1 control characters: nothing a clerk types into a search box. */
const isControl = (ch: string) => {
  const code = ch.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
};

/** A typed keyword: an empty box is no filter; control characters are refused. */
export const Keyword = z
  .string()
  .trim()
  .max(100)
  .refine((s) => ![...s].some(isControl), '不能包含控制字符')
  .transform((s) => (s === '' ? undefined : s))
  .optional();

export const Level = z.coerce.number().int().min(0).max(3);

type Shape = z.ZodRawShape;

/** A list query: its filters, the paging fields, and the checks that join them. */
export function listQuery<S extends Shape, K extends string>(
  filters: S,
  sortKeys: readonly [K, ...K[]],
) {
  const sorts = sortKeys.flatMap((k) => [k, `-${k}`]) as [K | `-${K}`, ...(K | `-${K}`)[]];
  return z
    .object({
      ...filters,
      ...ListPaging,
      sort: z.enum(sorts).optional(),
    })
    .superRefine((q: Record<string, unknown>, ctx) => {
      if (q.cursor !== undefined && q.offset !== undefined)
        ctx.addIssue({ code: 'custom', path: ['offset'], message: 'cursor 与 offset 只能二选一' });
      if (q.cursor !== undefined && q.sort !== undefined)
        ctx.addIssue({ code: 'custom', path: ['sort'], message: '排序只能与 offset 分页同用' });
      rangesInOrder(q, ctx);
    });
}

/**
 * A list's filters alone, checked as the list checks them: what an export of the list takes,
 * so the file holds exactly the rows the page was showing, all of them.
 */
export function listFilters<S extends Shape>(filters: S) {
  return z.object(filters).superRefine((q: Record<string, unknown>, ctx) => rangesInOrder(q, ctx));
}

function rangesInOrder(q: Record<string, unknown>, ctx: z.RefinementCtx) {
  for (const [from, to] of RANGES) {
    const a = q[from];
    const b = q[to];
    if (typeof a === 'string' && typeof b === 'string' && a > b)
      ctx.addIssue({ code: 'custom', path: [from], message: '开始日期不能晚于结束日期' });
  }
}

/**
 * Several values of an enum in one query parameter, comma-separated (`status=issued,accepted`):
 * one value in the URL, as the workbench keeps its filters. Repeating the parameter is not
 * taken; an empty or unknown value is a 400.
 */
export function severalOf<T extends z.ZodEnum>(values: T, name: string) {
  return z
    .string()
    .max(500)
    .transform((s, ctx) => {
      const parts = [...new Set(s.split(',').map((p) => p.trim()))];
      const parsed: z.infer<T>[] = [];
      for (const part of parts) {
        const one = values.safeParse(part);
        if (one.success) parsed.push(one.data);
        else {
          ctx.addIssue({ code: 'custom', message: `${name}取值无效：${part || '（空）'}` });
          return z.NEVER;
        }
      }
      return parsed;
    })
    .describe(
      `一个或多个${name}，以英文逗号分隔，如 ${values.options.slice(0, 2).join(',')}；不支持重复传参`,
    );
}

const RANGES = [
  ['dueFrom', 'dueTo'],
  ['issuedFrom', 'issuedTo'],
  ['from', 'to'],
] as const;

/** The sort a query asked for, split into its key and direction. */
export function sortOf<K extends string>(
  sort: string | undefined,
): { key: K; desc: boolean } | null {
  if (!sort) return null;
  return sort.startsWith('-')
    ? { key: sort.slice(1) as K, desc: true }
    : { key: sort as K, desc: false };
}

/** A page answer with the total a page-number request counted. */
export const countedPage = <T extends z.ZodType>(item: T) =>
  page(item).extend({ total: z.number().int().optional() });

/** The first instant of a Beijing day, and the first of the day after it. */
export const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
export const dayAfter = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);
