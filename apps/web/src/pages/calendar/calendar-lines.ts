export interface ParsedDay {
  date: string;
  workday: boolean;
  name?: string;
}

const REST = new Set(['休', '放假', '休息', 'rest', 'holiday']);
const WORK = new Set(['班', '上班', '调休上班', 'work', 'workday']);

/**
 * Lines like `2027-01-01,休,元旦` or `2027-02-07，班，春节调休` (Chinese commas and tabs
 * too, as clerks paste them from the State Council notice). Blank lines and `#` comments
 * are skipped; every bad line is reported with its number.
 */
export function parseCalendarLines(
  text: string,
  year: number,
): { days: ParsedDay[]; errors: string[] } {
  const days: ParsedDay[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [date = '', kind = '', ...rest] = line.split(/[,，\t]/).map((s) => s.trim());
    const name = rest.join(' ').trim();
    const n = i + 1;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      errors.push(`第 ${n} 行：日期“${date}”格式应为 YYYY-MM-DD`);
      return;
    }
    if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      errors.push(`第 ${n} 行：日期“${date}”不存在`);
      return;
    }
    if (Number(date.slice(0, 4)) !== year) {
      errors.push(`第 ${n} 行：日期不属于 ${year} 年`);
      return;
    }
    if (!REST.has(kind) && !WORK.has(kind)) {
      errors.push(`第 ${n} 行：第二项应为“休”或“班”`);
      return;
    }
    if (name.length > 50) {
      errors.push(`第 ${n} 行：名称不能超过 50 个字`);
      return;
    }
    if (seen.has(date)) {
      errors.push(`第 ${n} 行：日期 ${date} 重复`);
      return;
    }
    seen.add(date);
    days.push({ date, workday: WORK.has(kind), ...(name ? { name } : {}) });
  });
  if (days.length > 366) errors.push('一年最多 366 天');
  return { days, errors };
}
