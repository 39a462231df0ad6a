import type { Rule } from 'antd/es/form';

/** The bounds of a domain number schema, as zod keeps them on it. */
interface BoundedNumber {
  minValue: number | null;
  maxValue: number | null;
  isInt: boolean;
}

/**
 * Rules read from the zod schema the API validates the number with. The InputNumber beside
 * them takes no `min`/`max`/`precision`: those clamp or round what was typed on blur, so a
 * clerk who typed 300 would send 250 without knowing; here the number stays as typed and the
 * field says why it cannot be sent.
 */
export function numberRules(
  label: string,
  schema: BoundedNumber,
  { required = false, unit = '' }: { required?: boolean; unit?: string } = {},
): Rule[] {
  const min = schema.minValue ?? -Infinity;
  const max = schema.maxValue ?? Infinity;
  const bounds =
    Number.isFinite(min) && Number.isFinite(max)
      ? `须在 ${min}–${max}${unit} 之间`
      : Number.isFinite(min)
        ? `不能小于 ${min}${unit}`
        : `不能大于 ${max}${unit}`;
  return [
    ...(required ? [{ required: true, message: `请填写${label}` }] : []),
    {
      validator: async (_, value: unknown) => {
        if (value === null || value === undefined || value === '') return;
        const n = Number(value);
        if (!Number.isFinite(n)) throw new Error(`${label}须为数字`);
        if (schema.isInt && !Number.isInteger(n)) throw new Error(`${label}须为整数`);
        if (n < min || n > max) throw new Error(`${label}${bounds}`);
      },
    },
  ];
}
