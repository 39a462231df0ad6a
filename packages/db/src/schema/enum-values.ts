/** The values of a domain zod enum as the non-empty tuple pgEnum needs, literal types kept. */
export const enumValues = <T extends string>(e: { options: readonly T[] }) =>
  e.options as unknown as [T, ...T[]];
