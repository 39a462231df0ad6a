import {
  CLUE_CATEGORY_LABELS,
  CLUE_CHANNEL_LABELS,
  type ClueExportQuery,
  type EscalationLevel,
  FIGURE_KEYS,
  FIGURE_LABELS,
  LEVEL_LABELS,
  localDate,
  TASK_STATUS_LABELS,
  type TaskExportQuery,
} from '@lianxi/domain';
import { clues, tasks, units, workOrders } from '@lianxi/db';
import { and, desc, eq } from 'drizzle-orm';
import { loadConference } from '../calendar/load.js';
import { clueWhere } from '../clues/read.js';
import type { Ctx } from '../context.js';
import { MONTH_HEADER, UNIT_CODE_HEADER, UNIT_NAME_HEADER } from '../stat-reports/import.js';
import { approvedFigures } from '../stat-reports/summary.js';
import { taskWhere } from '../tasks/read.js';
import { workbook } from './workbook.js';

const MAX_ROWS = 100_000;

/** 任务台账: the tasks the list shows under the same filters, with their order, unit and limits. */
export async function exportTasks(ctx: Ctx, filters: TaskExportQuery): Promise<Buffer> {
  const { timeZone } = await loadConference(ctx, ctx.conferenceId);
  const day = (d: Date | null) => (d ? localDate(d, timeZone) : null);
  const rows = await ctx.db
    .select({ t: tasks, serial: workOrders.serial, title: workOrders.title, unit: units.name })
    .from(tasks)
    .innerJoin(workOrders, eq(workOrders.id, tasks.workOrderId))
    .innerJoin(units, eq(units.id, tasks.unitId))
    .where(and(...taskWhere(ctx, filters)))
    .orderBy(desc(tasks.issuedAt))
    .limit(MAX_ROWS);
  return workbook(
    '任务台账',
    [
      { header: '交办单号', width: 22, value: (r) => r.serial },
      { header: '事项', width: 40, value: (r) => r.title },
      { header: '承办单位', width: 20, value: (r) => r.unit },
      { header: '主办/协办', value: (r) => (r.t.role === 'lead' ? '主办' : '协办') },
      { header: '状态', value: (r) => TASK_STATUS_LABELS[r.t.status] },
      { header: '下发日期', value: (r) => day(r.t.issuedAt) },
      { header: '签收时限', value: (r) => day(r.t.signDueAt) },
      { header: '办理期限', value: (r) => day(r.t.dueAt) },
      {
        header: '督办级别',
        value: (r) => LEVEL_LABELS[r.t.escalationLevel as EscalationLevel] ?? '',
      },
      { header: '挂牌督办', value: (r) => (r.t.redFlag ? '是' : '') },
    ],
    rows,
  );
}

/** 线索台账: the clues the list shows under the same filters. Who reported them is never part of it. */
export async function exportClues(ctx: Ctx, filters: ClueExportQuery): Promise<Buffer> {
  const { timeZone } = await loadConference(ctx, ctx.conferenceId);
  const rows = await ctx.db
    .select({
      serial: clues.serial,
      channel: clues.channel,
      subjectName: clues.subjectName,
      creditCode: clues.subjectCreditCode,
      url: clues.subjectUrl,
      township: clues.township,
      category: clues.category,
      description: clues.description,
      participants: clues.participants,
      levels: clues.levels,
      amountYuan: clues.amountYuan,
      status: clues.status,
      reportCount: clues.reportCount,
      createdAt: clues.createdAt,
    })
    .from(clues)
    .where(and(...clueWhere(ctx, filters)))
    .orderBy(desc(clues.createdAt))
    .limit(MAX_ROWS);
  type Row = (typeof rows)[number];
  const cols: { header: string; width?: number; value: (r: Row) => string | number | null }[] = [
    { header: '线索编号', width: 22, value: (r) => r.serial },
    { header: '来源', value: (r) => CLUE_CHANNEL_LABELS[r.channel] },
    { header: '涉事主体', width: 30, value: (r) => r.subjectName },
    { header: '统一社会信用代码', width: 22, value: (r) => r.creditCode },
    { header: '网址/账号', width: 30, value: (r) => r.url },
    { header: '乡镇（街道）', value: (r) => r.township },
    { header: '类型', value: (r) => CLUE_CATEGORY_LABELS[r.category] },
    { header: '内容', width: 50, value: (r) => r.description },
    { header: '涉及人数', value: (r) => r.participants },
    { header: '层级', value: (r) => r.levels },
    { header: '涉案金额（元）', value: (r) => r.amountYuan },
    { header: '状态', value: (r) => (r.status === 'open' ? '在办' : '已办结') },
    { header: '举报次数', value: (r) => r.reportCount },
    { header: '登记日期', value: (r) => localDate(r.createdAt, timeZone) },
  ];
  return workbook('线索台账', cols, rows);
}

/**
 * 统计数据: approved figures by unit and month, in exactly the columns the import reads,
 * so a sheet exported here imports back to the same figures.
 */
export async function exportFigures(ctx: Ctx, from: string, to: string): Promise<Buffer> {
  const rows = await approvedFigures(ctx, from, to);
  const codes = new Map(
    (
      await ctx.db
        .select({ id: units.id, code: units.code })
        .from(units)
        .where(and(eq(units.conferenceId, ctx.conferenceId)))
    ).map((u) => [u.id, u.code]),
  );
  type Row = (typeof rows)[number];
  return workbook<Row>(
    '统计数据',
    [
      { header: UNIT_CODE_HEADER, value: (r) => codes.get(r.unitId) ?? '' },
      { header: UNIT_NAME_HEADER, width: 22, value: (r) => r.unitName },
      { header: MONTH_HEADER, value: (r) => r.month },
      ...FIGURE_KEYS.map((k) => ({
        header: FIGURE_LABELS[k],
        width: 16,
        value: (r: Row) => r.figures[k],
      })),
    ],
    rows,
  );
}
