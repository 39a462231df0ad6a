import type { BaseCtx } from '../context.js';

/**
 * Lookups remembered for the rest of one transaction, keyed by the transaction itself, so a
 * batch that escalates a hundred tasks reads the same recipients or order once, not a hundred
 * times. Only for what the transaction itself cannot change behind the memo's back.
 */
const memos = new WeakMap<object, Map<string, unknown>>();

function memoOf(ctx: BaseCtx): Map<string, unknown> {
  let memo = memos.get(ctx.db);
  if (!memo) memos.set(ctx.db, (memo = new Map()));
  return memo;
}

export async function memoInTransaction<T>(
  ctx: BaseCtx,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  if (!ctx.inTransaction) return load();
  const memo = memoOf(ctx);
  if (memo.has(key)) return memo.get(key) as T;
  const value = await load();
  memo.set(key, value);
  return value;
}

/** Replaces a remembered value (the transaction just changed it itself). */
export function rememberInTransaction(ctx: BaseCtx, key: string, value: unknown): void {
  if (ctx.inTransaction) memoOf(ctx).set(key, value);
}
