import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import fastJson from 'fast-json-stringify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = { [key: string]: unknown };
type RouteSchema = Parameters<typeof serializerCompiler>[0];

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);
/** Keywords whose value is a schema, a list of schemas, or schemas by name. */
const ONE = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else']);
const MANY = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
const NAMED = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

/**
 * The JSON Schema of a response as fast-json-stringify reads it. A nullable primitive
 * becomes a type list, which it writes directly, instead of a choice it would settle by
 * validating each value; patterns only constrain, they do not change what is written.
 */
function forWriting(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object') return schema;
  const { pattern: _pattern, $schema: _schema, ...rest } = schema as JsonSchema;
  const choices = rest.anyOf as JsonSchema[] | undefined;
  if (choices?.length === 2 && choices.some((c) => c.type === 'null')) {
    const value = choices.find((c) => c.type !== 'null')!;
    if (PRIMITIVES.has(value.type as string)) {
      const { anyOf: _anyOf, ...others } = rest;
      const { pattern: _p, ...plain } = value;
      return { ...others, ...plain, type: [plain.type, 'null'] };
    }
  }
  return Object.fromEntries(
    Object.entries(rest).map(([key, value]) => {
      if (ONE.has(key)) return [key, forWriting(value)];
      if (MANY.has(key) && Array.isArray(value)) return [key, value.map(forWriting)];
      if (NAMED.has(key) && value && typeof value === 'object') {
        return [key, Object.fromEntries(Object.entries(value).map(([n, s]) => [n, forWriting(s)]))];
      }
      return [key, value];
    }),
  );
}

/**
 * Responses are written by a function fast-json-stringify compiles from each route's zod
 * schema (what Fastify does with JSON Schemas), not by encoding every response through zod
 * and then `JSON.stringify`: on a busy list that cost the API more than the query did. With
 * `check` on (development and tests) every response is still encoded through zod first, a
 * mismatch fails the request as before, and the compiled text must equal zod's, so a
 * schema the compiler reads differently is caught by the tests. A schema it cannot compile
 * is served by the zod serializer.
 */
export function compiledSerializer(
  check: boolean,
): FastifySerializerCompiler<RouteSchema['schema']> {
  return (route) => {
    const viaZod = serializerCompiler(route);
    const schema = route.schema instanceof z.ZodType ? route.schema : null;
    if (!schema) return viaZod;
    let write: (data: unknown) => string;
    try {
      const json = z.toJSONSchema(schema, {
        io: 'output',
        target: 'draft-7',
        unrepresentable: 'any',
      });
      write = fastJson(forWriting(json) as Parameters<typeof fastJson>[0]);
    } catch {
      return viaZod;
    }
    if (!check) return write;
    return (data) => {
      const expected = viaZod(data);
      const written = write(data);
      if (written !== expected) {
        throw new Error(
          `${route.method} ${route.url}: the compiled serializer wrote ${written.slice(0, 400)} ` +
            `where zod wrote ${expected.slice(0, 400)}`,
        );
      }
      return written;
    };
  };
}
