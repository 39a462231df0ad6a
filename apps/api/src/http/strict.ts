import { z } from 'zod';

/**
 * The same schema with every object in it strict: a field the API does not define is an
 * `unrecognized_keys` issue (a 400 naming it) instead of being dropped without a word.
 * Objects that already take other keys (`.loose()`, `.catchall()`) and records keep them;
 * an intersection's sides are left as they are, since each lists only part of the fields.
 */
/** The query of an API route that defines none: any parameter is one it does not take. */
export const NO_QUERY = z.object({});
/** The body of a write that takes none: nothing, or `{}`, and no field. */
export const NO_BODY = z.object({}).nullish();

export function strictInput<T extends z.ZodType>(schema: T): T {
  return strictify(schema) as T;
}

/** A copy of a schema on a changed definition (zod keeps checks and refinements in it). */
const remake = (schema: z.ZodType, def: Record<string, unknown>) =>
  schema.clone(def as unknown as z.core.$ZodTypeDef);

function strictify(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const strictShape = Object.fromEntries(
        Object.entries(shape).map(([key, value]) => [key, strictify(value)]),
      );
      return remake(schema, { ...def, shape: strictShape, catchall: def.catchall ?? z.never() });
    }
    case 'array':
      return remake(schema, { ...def, element: strictify(def.element as z.ZodType) });
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return remake(schema, { ...def, innerType: strictify(def.innerType as z.ZodType) });
    case 'union':
      return remake(schema, { ...def, options: (def.options as z.ZodType[]).map(strictify) });
    case 'pipe':
      return remake(schema, { ...def, in: strictify(def.in as z.ZodType) });
    default:
      return schema;
  }
}
