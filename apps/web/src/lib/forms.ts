import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { isApiError } from '../api/client';

/** The bounds of a domain text schema (zod keeps them on the string schema). */
interface Bounded {
  minLength: number | null;
  maxLength: number | null;
}

/**
 * Rules read from the same zod schema the API validates with, so a form refuses exactly
 * what the server would, with the message next to the field instead of after a round trip.
 */
export function textRules(label: string, schema: Bounded, required = true): Rule[] {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Infinity;
  const rules: Rule[] = [];
  if (required) rules.push({ required: true, whitespace: true, message: `请填写${label}` });
  rules.push({
    validator: async (_, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const length = value.trim().length;
      if (length < min) throw new Error(`${label}至少 ${min} 个字`);
      if (length > max) throw new Error(`${label}不能超过 ${max} 个字`);
    },
  });
  return rules;
}

/** `body.assignments.0.unitId` → ['assignments', 0, 'unitId']. */
export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/^(body|query|params)\./, '')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const sameName = (a: (string | number)[], b: (string | number)[]) =>
  a.length === b.length && a.every((x, i) => String(x) === String(b[i]));

/**
 * Puts the server's field errors next to the form's fields. A path the form does not have
 * lands on its longest registered prefix (or an alias), so no message is silently lost.
 * Returns the messages that found no field.
 */
export function applyProblemToForm(
  form: FormInstance,
  error: unknown,
  aliases: Record<string, string | (string | number)[]> = {},
): string[] {
  if (!isApiError(error) || !error.problem.errors?.length) return [];
  const registered = form.getFieldsError().map((f) => f.name);
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: string[] = [];
  for (const { field, message } of error.problem.errors) {
    let path = fieldPath(field);
    const alias = aliases[String(path[0])];
    if (alias !== undefined) path = Array.isArray(alias) ? alias : [alias];
    let target: (string | number)[] | undefined;
    for (let n = path.length; n > 0 && !target; n--) {
      target = registered.find((name) => sameName(name, path.slice(0, n)));
    }
    if (!target) {
      unplaced.push(message);
      continue;
    }
    const key = JSON.stringify(target);
    const entry = byField.get(key) ?? { name: target, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  return unplaced;
}

/** An optional field checked by the API's own schema, so the clerk reads the same message. */
export function optionalSchemaRule(schema: {
  safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } };
}): Rule {
  return {
    validator: async (_, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(parsed.error?.issues[0]?.message ?? '格式不正确');
    },
  };
}
