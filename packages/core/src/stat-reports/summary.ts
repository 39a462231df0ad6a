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
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { figureTree, rollUpFigures } from './tree.js';
import { reportScope } from './view.js';

const KIND_LABELS = { department: '职能部门', grassroots: '乡镇（街道）' } as const;

const difference = (a: Figures, b: Figures) =>
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, a[k] - b[k]])) as FigureChanges;

/**
 * Approved figures of the months from..to, with each unit's name and kind: the caller's scope,
 * or the conferences named (the caller's tree, already checked by `figureTree`).
 */
export async function approvedFigures(
  ctx: Ctx,
  from: string,
  to: string,
  conferenceIds?: string[],
) {
  return ctx.db
    .select({
      conferenceId: statReports.conferenceId,
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
        conferenceIds ? inArray(statReports.conferenceId, conferenceIds) : reportScope(ctx),
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
 * unit (departments, and the townships and streets below the district). With `scope=tree`
 * it covers the caller's conference and every one below it, and adds each one's figures.
 */
export async function summarizeFigures(ctx: Ctx, query: SummaryQuery): Promise<Summary> {
  checkYears(
    [
      { field: 'querystring.from', year: Number(query.from.slice(0, 4)) },
      { field: 'querystring.to', year: Number(query.to.slice(0, 4)) },
    ],
    ctx.clock.now(),
  );
  const tree = query.scope === 'tree' ? await figureTree(ctx) : null;
  const rows = await approvedFigures(
    ctx,
    query.from,
    query.to,
    tree?.map((c) => c.id),
  );
  // over the tree, a unit below is named with its place: each district has its 公安局
  const placeOf = new Map(tree?.slice(1).map((c) => [c.id, c.jurisdiction.name]));
  const unitLabel = (r: Approved[number]) =>
    placeOf.has(r.conferenceId) ? `${placeOf.get(r.conferenceId)} ${r.unitName}` : r.unitName;
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
            ? unitLabel(mine[0])
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
    ...(tree ? { scope: 'tree' as const, conferences: rollUpFigures(tree, rows) } : {}),
  };
}
