import {
  checkYears,
  FIGURE_KEYS,
  type FigureChanges,
  type Figures,
  monthLabel,
  monthsBetween,
  type Summary,
  type SummaryQuery,
  type SummaryRow,
  sumFigures,
  zeroFigures,
} from '@lianxi/domain';
import { statReports, units } from '@lianxi/db';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { reportScope } from './view.js';

const KIND_LABELS = { department: '职能部门', grassroots: '乡镇（街道）' } as const;

const difference = (a: Figures, b: Figures) =>
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, a[k] - b[k]])) as FigureChanges;

/** Approved figures of the months from..to, with each unit's name and kind. */
export async function approvedFigures(ctx: Ctx, from: string, to: string) {
  return ctx.db
    .select({
      unitId: statReports.unitId,
      month: statReports.month,
      figures: statReports.figures,
      unitName: units.name,
      unitKind: units.kind,
    })
    .from(statReports)
    .innerJoin(units, eq(units.id, statReports.unitId))
    .where(
      and(
        reportScope(ctx),
        eq(statReports.status, 'approved'),
        gte(statReports.month, from),
        lte(statReports.month, to),
      ),
    )
    .orderBy(asc(statReports.month));
}

type Approved = Awaited<ReturnType<typeof approvedFigures>>;

/** 警情走势: police alerts in the first and the last month that have approved figures. */
export function alertTrend(rows: Approved, from: string, to: string): Summary['alertTrend'] {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const alertsIn = (m: string) =>
    rows.filter((r) => r.month === m).reduce((n, r) => n + r.figures.policeAlerts, 0);
  const first = months[0] ?? from;
  const last = months.at(-1) ?? to;
  return { fromMonth: first, from: alertsIn(first), toMonth: last, to: alertsIn(last) };
}

/**
 * 汇总: approved figures by month (with month-on-month change), by unit, or by kind of
 * unit (departments, and the townships and streets below the district).
 */
export async function summarizeFigures(ctx: Ctx, query: SummaryQuery): Promise<Summary> {
  checkYears(
    [
      { field: 'querystring.from', year: Number(query.from.slice(0, 4)) },
      { field: 'querystring.to', year: Number(query.to.slice(0, 4)) },
    ],
    ctx.clock.now(),
  );
  const rows = await approvedFigures(ctx, query.from, query.to);
  let grouped: SummaryRow[];
  if (query.groupBy === 'month') {
    let previous: Figures | null = null;
    grouped = monthsBetween(query.from, query.to).map((month) => {
      const figures = sumFigures(rows.filter((r) => r.month === month).map((r) => r.figures));
      const row = {
        key: month,
        label: monthLabel(month),
        figures,
        change: previous ? difference(figures, previous) : null,
      };
      previous = figures;
      return row;
    });
  } else {
    const keyOf = (r: Approved[number]) => (query.groupBy === 'unit' ? r.unitId : r.unitKind);
    const keys = [...new Set(rows.map(keyOf))];
    grouped = keys.map((key) => {
      const mine = rows.filter((r) => keyOf(r) === key);
      return {
        key,
        label:
          query.groupBy === 'unit'
            ? mine[0].unitName
            : KIND_LABELS[key as keyof typeof KIND_LABELS],
        figures: sumFigures(mine.map((r) => r.figures)),
        change: null,
      };
    });
  }
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    rows: grouped,
    totals: rows.length ? sumFigures(rows.map((r) => r.figures)) : zeroFigures(),
    alertTrend: alertTrend(rows, query.from, query.to),
  };
}
