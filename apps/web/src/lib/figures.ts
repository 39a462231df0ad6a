import {
  addDays,
  FIGURE_KEYS,
  FIGURE_LABELS,
  type FigureKey,
  type Figures,
  localDate,
  nextMonth,
  rescuedAndRepatriated,
  STAT_REPORT_STATUS_LABELS,
  type StatReportStatus,
} from '@lianxi/domain';
import { TIME_ZONE } from './format';

/** The month it is now in Beijing, `YYYY-MM`. */
export const currentMonth = (now = new Date()) => localDate(now, TIME_ZONE).slice(0, 7);

/** `month` moved by `n` months (negative goes back). */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month a unit reports on now: figures are due by the 5th of the month after. */
export const reportingMonth = (now = new Date()) => shiftMonth(currentMonth(now), -1);

/** First and last day of a month, `YYYY-MM-DD`. */
export const monthBounds = (month: string) => ({
  from: `${month}-01`,
  to: addDays(`${nextMonth(month)}-01`, -1),
});

/** The figures the summary opens with; 解救 and 遣返 are reported together. */
export const HEADLINE_FIGURES: { key: string; label: string; value: (f: Figures) => number }[] = [
  { key: 'operations', label: '整治打击行动（次）', value: (f) => f.operations },
  { key: 'densRaided', label: '捣毁窝点（个）', value: (f) => f.densRaided },
  { key: 'rescued', label: '解救遣返人员（人）', value: rescuedAndRepatriated },
  { key: 'criminalDetentions', label: '刑事拘留（人）', value: (f) => f.criminalDetentions },
  { key: 'adminDetentions', label: '行政拘留（人）', value: (f) => f.adminDetentions },
  { key: 'adminCases', label: '行政立案（件）', value: (f) => f.adminCases },
  { key: 'prosecutions', label: '移送起诉（人）', value: (f) => f.prosecutions },
  { key: 'policeAlerts', label: '传销警情（件）', value: (f) => f.policeAlerts },
];

/** The figures that differ between two sets, in form order. */
export function changedFigures(before: Figures, after: Figures) {
  return FIGURE_KEYS.filter((k) => before[k] !== after[k]).map((k) => ({
    key: k,
    label: FIGURE_LABELS[k],
    from: before[k],
    to: after[k],
  }));
}

/** `+3`, `-2`, `0`: a month-on-month change as the table shows it. */
export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export const figureLabel = (k: FigureKey) => FIGURE_LABELS[k];

export const REPORT_STATUS_COLOURS: Record<StatReportStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
};
export const reportStatusLabel = (s: StatReportStatus) => STAT_REPORT_STATUS_LABELS[s];
