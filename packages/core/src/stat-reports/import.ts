import {
  AppError,
  FIGURE_KEYS,
  FIGURE_LABELS,
  type Figures,
  type ImportProblem,
  Month,
  yearProblem,
} from '@lianxi/domain';
import { statReports, units } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../common/excel.js';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { keepRevision } from './revisions.js';

/** The sheet's fixed columns; the figures follow under their Chinese headers. */
export const UNIT_CODE_HEADER = '单位代码';
export const UNIT_NAME_HEADER = '单位名称';
export const MONTH_HEADER = '月份';
const IMPORT_REASON = '表格导入';
const MAX_ROWS = 5000;

interface ParsedRow {
  row: number;
  unitCode: string;
  month: string;
  figures: Figures;
}

/** A cell's value as the clerk typed it: numbers, text, or a formula's result. */
function cellValue(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v && typeof v === 'object' && 'result' in v) return v.result;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return v;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 7);
  return String(v).trim();
}

/** Reads the first sheet; returns the rows, or every problem found, by row and column. */
export async function parseFiguresSheet(
  data: Buffer,
): Promise<{ rows: ParsedRow[]; problems: ImportProblem[] }> {
  const book = new (await loadExcel()).Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { rows: [], problems: [{ row: 0, column: '文件', message: '不是有效的 .xlsx 文件' }] };
  }
  const sheet = book.worksheets[0];
  if (!sheet)
    return { rows: [], problems: [{ row: 0, column: '文件', message: '表格中没有工作表' }] };
  const headers = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => headers.set(text(cellValue(cell)), col));
  const problems: ImportProblem[] = [];
  for (const h of [UNIT_CODE_HEADER, MONTH_HEADER, ...FIGURE_KEYS.map((k) => FIGURE_LABELS[k])]) {
    if (!headers.has(h)) problems.push({ row: 1, column: h, message: '缺少该列' });
  }
  if (problems.length) return { rows: [], problems };
  if (sheet.rowCount - 1 > MAX_ROWS) {
    return {
      rows: [],
      problems: [{ row: 0, column: '文件', message: `一次最多导入 ${MAX_ROWS} 行` }],
    };
  }
  const rows: ParsedRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const line = sheet.getRow(r);
    const at = (h: string) => cellValue(line.getCell(headers.get(h)!));
    if (!line.hasValues) continue;
    const unitCode = text(at(UNIT_CODE_HEADER));
    const month = text(at(MONTH_HEADER));
    if (!unitCode) problems.push({ row: r, column: UNIT_CODE_HEADER, message: '不能为空' });
    const parsedMonth = Month.safeParse(month);
    if (!parsedMonth.success) {
      problems.push({
        row: r,
        column: MONTH_HEADER,
        message: parsedMonth.error.issues[0]?.message ?? '月份格式应为 YYYY-MM',
      });
    }
    const figures = {} as Figures;
    for (const key of FIGURE_KEYS) {
      const raw = at(FIGURE_LABELS[key]);
      const n = raw === null || raw === undefined || raw === '' ? 0 : Number(raw);
      if (!Number.isInteger(n) || n < 0 || n > 100_000_000) {
        problems.push({ row: r, column: FIGURE_LABELS[key], message: '应为不小于 0 的整数' });
      }
      figures[key] = n;
    }
    rows.push({ row: r, unitCode, month, figures });
  }
  return { rows, problems };
}

const asFieldErrors = (problems: ImportProblem[]) =>
  problems.map((p) => ({
    field: p.row ? `第 ${p.row} 行「${p.column}」` : p.column,
    message: p.message,
  }));

/**
 * 导入: a sheet of monthly figures, all or nothing. Any bad row (unknown unit, bad month,
 * a figure that is not a whole number, a unit and month twice) refuses the whole sheet,
 * each problem named by row and column. Imported figures are the office's: approved.
 */
export async function importFigures(
  ctx: Ctx,
  data: Buffer,
): Promise<{ imported: number; created: number; corrected: number }> {
  requireRole(ctx, ['office', 'admin']);
  const { rows, problems } = await parseFiguresSheet(data);
  return withTransaction(ctx, async (tx) => {
    const known = new Map(
      (
        await tx.db
          .select({ id: units.id, code: units.code })
          .from(units)
          .where(eq(units.conferenceId, ctx.conferenceId))
      ).map((u) => [u.code, u.id]),
    );
    const seen = new Set<string>();
    for (const r of rows) {
      // a month the sheet's format allows may still lie beyond next year
      const late = Month.safeParse(r.month).success
        ? yearProblem(Number(r.month.slice(0, 4)), ctx.clock.now())
        : null;
      if (late) problems.push({ row: r.row, column: MONTH_HEADER, message: late });
      if (r.unitCode && !known.has(r.unitCode)) {
        problems.push({
          row: r.row,
          column: UNIT_CODE_HEADER,
          message: `单位代码 ${r.unitCode} 不存在`,
        });
      }
      const key = `${r.unitCode}/${r.month}`;
      if (seen.has(key))
        problems.push({ row: r.row, column: MONTH_HEADER, message: '与前面的行重复' });
      seen.add(key);
    }
    if (!rows.length && !problems.length) {
      problems.push({ row: 2, column: UNIT_CODE_HEADER, message: '表格中没有数据行' });
    }
    if (problems.length) {
      problems.sort((a, b) => a.row - b.row);
      throw new AppError(
        'invalid_input',
        `导入失败，共 ${problems.length} 处错误，未导入任何数据`,
        {
          errors: asFieldErrors(problems),
        },
      );
    }
    const now = ctx.clock.now();
    let created = 0;
    let corrected = 0;
    for (const r of rows) {
      const unitId = known.get(r.unitCode)!;
      const approved = {
        status: 'approved' as const,
        approvedAt: now,
        approvedBy: ctx.actor.userId,
      };
      const [existing] = await tx.db
        .select()
        .from(statReports)
        .where(
          and(
            eq(statReports.conferenceId, ctx.conferenceId),
            eq(statReports.unitId, unitId),
            eq(statReports.month, r.month),
          ),
        )
        .for('update');
      if (existing) {
        await tx.db
          .update(statReports)
          .set({
            figures: r.figures,
            ...approved,
            corrections: existing.corrections + (existing.status === 'approved' ? 1 : 0),
            version: existing.version + 1,
          })
          .where(eq(statReports.id, existing.id));
        await keepRevision(tx, existing.id, r.figures, IMPORT_REASON);
        corrected++;
      } else {
        const [row] = await tx.db
          .insert(statReports)
          .values({
            conferenceId: ctx.conferenceId,
            unitId,
            month: r.month,
            figures: r.figures,
            submittedAt: now,
            createdAt: now,
            ...approved,
          })
          .returning();
        await keepRevision(tx, row.id, r.figures, IMPORT_REASON);
        created++;
      }
    }
    await appendAudit(tx, {
      action: 'stat_report.imported',
      subjectType: 'conference',
      subjectId: ctx.conferenceId,
      payload: { rows: rows.length, created, corrected },
    });
    return { imported: rows.length, created, corrected };
  });
}
