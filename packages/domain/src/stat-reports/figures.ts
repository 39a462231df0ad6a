import { z } from 'zod';
import { dateInOuterWindow, OUTER_WINDOW_MESSAGE } from '../common/date-window.js';

/**
 * The monthly figures a unit reports (DESIGN §7), in the order the form and the
 * spreadsheet show them, each with its Chinese column header.
 */
export const FIGURES = [
  ['operations', '整治打击行动（次）'],
  ['staffDeployed', '出动人员（人次）'],
  ['premisesChecked', '检查场所（处）'],
  ['densRaided', '捣毁窝点（个）'],
  ['peopleRescued', '解救传销参与人员（人）'],
  ['peopleRepatriated', '遣返传销参与人员（人）'],
  ['casesReferredToPolice', '移送公安案件（件）'],
  ['criminalCasesOpened', '刑事立案（件）'],
  ['criminalDetentions', '刑事拘留（人）'],
  ['arrests', '逮捕（人）'],
  ['prosecutions', '移送起诉（人）'],
  ['adminCases', '行政立案查办（件）'],
  ['adminDetentions', '行政拘留（人）'],
  ['finesYuan', '罚没款（元）'],
  ['publicityEvents', '宣传活动（场）'],
  ['policeAlerts', '传销警情（件）'],
  ['pyramidFreeCommunities', '无传销社区（个）'],
] as const;

export type FigureKey = (typeof FIGURES)[number][0];
export const FIGURE_KEYS = FIGURES.map(([k]) => k) as FigureKey[];
export const FIGURE_LABELS = Object.fromEntries(FIGURES) as Record<FigureKey, string>;

const Count = z.number().int().min(0).max(100_000_000);

/** Every figure, a whole number ≥ 0 (a month with nothing to report says 0, not blank). */
export const Figures = z.object(
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, Count])) as Record<FigureKey, typeof Count>,
);
export type Figures = z.infer<typeof Figures>;

const Delta = z.number().int();
/** Month on month: the same figures as differences, which may fall below zero. */
export const FigureChanges = z.object(
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, Delta])) as Record<FigureKey, typeof Delta>,
);
export type FigureChanges = z.infer<typeof FigureChanges>;

export const zeroFigures = (): Figures =>
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Figures;

export function addFigures(a: Figures, b: Figures): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, a[k] + b[k]])) as Figures;
}

export const sumFigures = (all: Figures[]): Figures => all.reduce(addFigures, zeroFigures());

/** YYYY-MM, a calendar month. */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .refine(dateInOuterWindow, OUTER_WINDOW_MESSAGE);
export type Month = z.infer<typeof Month>;

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 1200; m = nextMonth(m)) out.push(m);
  return out;
}

/** 2026-05 → 2026 年 5 月 */
export const monthLabel = (month: string) =>
  `${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月`;

/** Monthly figures are due by the 5th of the following month (end of that day, local). */
export const REPORT_DUE_DAY = 5;

export const reportDueDate = (month: string) => `${nextMonth(month)}-0${REPORT_DUE_DAY}`;
