import type { BaseCtx } from './context.js';

/** Runs `fn` in a transaction, or in the caller's when there already is one. */
export async function withTransaction<C extends BaseCtx, T>(
  ctx: C,
  fn: (tx: C) => Promise<T>,
): Promise<T> {
  if (ctx.inTransaction) return fn(ctx);
  return ctx.db.transaction((db) => fn({ ...ctx, db, inTransaction: true }));
}
