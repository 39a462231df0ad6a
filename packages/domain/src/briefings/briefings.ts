import { z } from 'zod';
import {
  Id,
  Instant,
  Version,
  Text,
  dateInOuterWindow,
  OUTER_WINDOW_MESSAGE,
} from '../common/schemas.js';
import { LEVEL_LABELS } from '../clocks/ladder.js';
import type { EscalationLevel } from '../policy/schemas.js';
import { type Figures, monthLabel } from '../stat-reports/figures.js';

const LocalDate = z.iso.date();

/** A typed period day: the exact window (to next year) is the verb's, with its clock. */
const PeriodDay = LocalDate.refine(dateInOuterWindow, OUTER_WINDOW_MESSAGE);

export const CreateBriefingInput = z
  .object({
    from: PeriodDay,
    to: PeriodDay,
    /**
     * `tree`: the figures and the alert trend cover the conferences below too, summed and then
     * district by district (全市…，其中…); left out, only the conference's own units.
     */
    coverage: z.enum(['own', 'tree']).optional(),
  })
  .refine((b) => b.from <= b.to, { message: '起始日期不能晚于结束日期', path: ['from'] })
  .refine((b) => Number(b.to.slice(0, 4)) - Number(b.from.slice(0, 4)) <= 10, {
    message: '简报区间不能超过十年',
    path: ['to'],
  });
export type CreateBriefingInput = z.infer<typeof CreateBriefingInput>;

/** The parts of 工作简报 in the order seed 000 prints them; each is editable before publishing. */
export const BriefingSections = z.object({
  headline: Text(2, 200),
  meeting: Text(1, 20_000).nullable(),
  work: Text(1, 20_000),
  figures: Text(1, 5000),
  alerts: Text(1, 2000),
  overdue: Text(1, 20_000),
  reportTo: Text(1, 500),
  copyTo: Text(1, 500),
});
export type BriefingSections = z.infer<typeof BriefingSections>;

export const UpdateBriefingInput = z.object({ version: Version, sections: BriefingSections });
export type UpdateBriefingInput = z.infer<typeof UpdateBriefingInput>;

export const Briefing = z.object({
  id: Id,
  issueNo: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: LocalDate,
  from: LocalDate,
  to: LocalDate,
  status: z.enum(['draft', 'published']),
  sections: BriefingSections,
  publishedAt: Instant.nullable(),
  version: z.number().int(),
});
export type Briefing = z.infer<typeof Briefing>;

/** What a briefing is composed from: the period's data, gathered by the platform. */
export interface BriefingData {
  /** 全区 / 全市 / 全县: how the area names itself. */
  area: string;
  from: string;
  to: string;
  meeting: {
    title: string;
    heldOn: string;
    place: string | null;
    chair: string | null;
    minutes: string | null;
    resolutions: string[];
  } | null;
  work: {
    meetings: number;
    ordersIssued: number;
    ordersClosed: number;
    cluesReceived: number;
    handoffs: number;
    criminalReferrals: number;
  };
  figures: Figures;
  /**
   * With the tree: the conference's own units (市本级) and each conference right below it,
   * each with everything below it; `figures` is their sum.
   */
  byConference?: { own: Figures; below: { name: string; figures: Figures }[] };
  alerts: { fromMonth: string; from: number; toMonth: string; to: number } | null;
  overdue: { serial: string; title: string; unitName: string; level: number }[];
  redFlags: number;
}

const chineseDate = (d: string) =>
  `${Number(d.slice(0, 4))} 年 ${Number(d.slice(5, 7))} 月 ${Number(d.slice(8, 10))} 日`;
const monthDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** People freed from dens and people sent home are counted apart and reported together. */
export const rescuedAndRepatriated = (f: Figures) => f.peopleRescued + f.peopleRepatriated;

/**
 * The figures sentence, worded as seed 000 words it, except that dens are 捣毁 as the report
 * form names them (the scanned seed reads 端除).
 */
export function figuresSentence(area: string, from: string, to: string, f: Figures): string {
  return (
    `${chineseDate(from)}至${chineseDate(to)}，${area}开展整治打击 ${f.operations} 次，` +
    `捣毁传销窝点 ${f.densRaided} 个，解救遣返传销参与人员 ${rescuedAndRepatriated(f)} 名，` +
    `公安机关刑事拘留传销人员 ${f.criminalDetentions} 名、行政拘留传销人员 ${f.adminDetentions} 名；` +
    `立案查办传销行政案件 ${f.adminCases} 件，移送刑事起诉 ${f.prosecutions} 人。`
  );
}

const isZero = (f: Figures) => Object.values(f).every((n) => n === 0);

/** One district's share of the figures sentence: what it did, in the sentence's order. */
export function figuresClause(name: string, f: Figures): string {
  return (
    `${name}开展整治打击 ${f.operations} 次，捣毁传销窝点 ${f.densRaided} 个，` +
    `解救遣返传销参与人员 ${rescuedAndRepatriated(f)} 名，刑事拘留 ${f.criminalDetentions} 名、` +
    `行政拘留 ${f.adminDetentions} 名，立案查办行政案件 ${f.adminCases} 件，移送刑事起诉 ${f.prosecutions} 人`
  );
}

/**
 * The figures over the tree: the sum as seed 000 words it (全市…), then 其中 the conference's
 * own units (市本级, when they reported anything) and each district below, one clause each.
 */
export function treeFiguresText(
  area: string,
  from: string,
  to: string,
  total: Figures,
  parts: NonNullable<BriefingData['byConference']>,
): string {
  const clauses = [
    ...(isZero(parts.own) ? [] : [figuresClause(`${area.slice(1)}本级`, parts.own)]),
    ...parts.below.map((b) => figuresClause(b.name, b.figures)),
  ];
  const sum = figuresSentence(area, from, to, total);
  return clauses.length ? `${sum}\n其中，${clauses.join('；')}。` : sum;
}

export function alertSentence(area: string, a: BriefingData['alerts']): string {
  if (!a) return `本期${area}尚无已审核的传销警情数据。`;
  if (a.fromMonth === a.toMonth) return `${monthLabel(a.toMonth)}${area}传销警情 ${a.to} 件。`;
  const verb = a.to < a.from ? '降至' : a.to > a.from ? '升至' : '保持在';
  return `${area}传销警情数从 ${monthLabel(a.fromMonth)}的 ${a.from} 件，${verb} ${monthLabel(a.toMonth)}的 ${a.to} 件。`;
}

/** 工作简报 composed from the period's data; the office edits it before publishing. */
export function composeBriefing(d: BriefingData): BriefingSections {
  const m = d.meeting;
  const meeting = m
    ? [
        `${monthDay(m.heldOn)}，${m.title}${m.place ? `在${m.place}` : ''}召开${m.chair ? `，${m.chair}主持` : ''}。`,
        ...(m.minutes ? [m.minutes] : []),
        ...(m.resolutions.length
          ? [`会议议定：${m.resolutions.map((r, i) => `（${i + 1}）${r}`).join('；')}。`]
          : []),
      ].join('\n\n')
    : null;
  const w = d.work;
  const work =
    `本期共召开联席会议 ${w.meetings} 次，下发交办单 ${w.ordersIssued} 件，办结 ${w.ordersClosed} 件；` +
    `登记传销线索 ${w.cluesReceived} 条，移送线索 ${w.handoffs} 次，其中行政执法机关向公安机关移送涉嫌犯罪案件 ${w.criminalReferrals} 件。`;
  const overdue = d.overdue.length
    ? [
        `截至目前，逾期未办结并升级督办的事项 ${d.overdue.length} 件（挂牌督办 ${d.redFlags} 件）：`,
        ...d.overdue.map(
          (o) =>
            `${o.serial}《${o.title}》（${o.unitName}，${LEVEL_LABELS[o.level as EscalationLevel] ?? `${o.level} 级`}）`,
        ),
      ].join('\n')
    : '截至目前，无逾期升级督办事项。';
  return {
    headline: m ? m.title : `${d.area}打击传销工作情况`,
    meeting,
    work,
    figures: d.byConference
      ? treeFiguresText(d.area, d.from, d.to, d.figures, d.byConference)
      : figuresSentence(d.area, d.from, d.to, d.figures),
    alerts: alertSentence(d.area, d.alerts),
    overdue,
    reportTo: '联席会议召集人、副召集人，上级打传办。',
    copyTo: '联席会议各成员单位，各乡镇（街道）打传办。',
  };
}

export type BriefingBlockKind =
  'masthead' | 'issue' | 'issuer' | 'rule' | 'headline' | 'paragraph' | 'distribution' | 'imprint';

/**
 * The printed page of a briefing, top to bottom, as seed 000 lays it out: masthead, 第 N 期,
 * issuer and date, a rule, the headline, the body, then 报送 / 分送 and the imprint line.
 * The .docx and the printable HTML are both drawn from this one list.
 */
export function briefingBlocks(b: Briefing): { kind: BriefingBlockKind; text: string }[] {
  const s = b.sections;
  const date = chineseDate(b.issuedOn);
  const paragraphs = [s.meeting, s.work, s.figures, s.alerts, s.overdue]
    .filter((t): t is string => Boolean(t))
    .flatMap((t) => t.split(/\n+/))
    .map((t) => t.trim())
    .filter(Boolean);
  return [
    { kind: 'masthead', text: b.title },
    { kind: 'issue', text: `第 ${b.issueNo} 期` },
    { kind: 'issuer', text: `${b.issuer} ${date}` },
    { kind: 'rule', text: '' },
    { kind: 'headline', text: s.headline },
    ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
    { kind: 'rule', text: '' },
    { kind: 'distribution', text: `报送：${s.reportTo}` },
    { kind: 'distribution', text: `分送：${s.copyTo}` },
    { kind: 'imprint', text: `${b.issuer} ${date}印发` },
  ];
}
