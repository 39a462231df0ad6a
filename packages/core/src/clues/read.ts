import {
  type ClueDetail,
  type ClueExportQuery,
  type ClueListQuery,
  notFound,
} from '@lianxi/domain';
import { clueReports, clues } from '@lianxi/db';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { clueScope } from '../common/clue-scope.js';
import { dayRange, fromTable, keywordIn, listPage } from '../common/list.js';
import type { ReporterKeys } from '../config.js';
import { attachmentsOfClue } from '../attachments/read.js';
import { type Ctx, requireRole } from '../context.js';
import { handoffsOfClue } from '../handoffs/read.js';
import { openReporter } from './reporter-seal.js';
import { maySeeReporter, toClue } from './view.js';

const CLUE_READERS = ['office', 'admin', 'supervisor', 'leader', 'unit'] as const;

/** The list's filters in SQL within the caller's scope: what the list pages and the export writes. */
export function clueWhere(ctx: Ctx, query: ClueExportQuery): SQL[] {
  const where: SQL[] = [clueScope(ctx)];
  if (query.status) where.push(eq(clues.status, query.status));
  if (query.channel) where.push(eq(clues.channel, query.channel));
  if (query.category) where.push(eq(clues.category, query.category));
  if (query.unitId) where.push(eq(clues.owningUnitId, query.unitId));
  if (query.township) where.push(keywordIn(query.township, [clues.township]));
  if (query.q)
    where.push(keywordIn(query.q, [clues.serial, clues.subjectName, clues.subjectCreditCode]));
  where.push(...dayRange(clues.createdAt, query.from, query.to));
  return where;
}

/** 线索 in the caller's scope; `unitId` is the holding unit. */
export async function listClues(ctx: Ctx, query: ClueListQuery) {
  requireRole(ctx, CLUE_READERS);
  return listPage(query, clueWhere(ctx, query), {
    ...fromTable(ctx.db, clues),
    time: clues.createdAt,
    id: clues.id,
    key: (c) => [c.createdAt, c.id],
    sorts: { createdAt: clues.createdAt, reportCount: clues.reportCount },
    view: toClue,
  });
}

/**
 * One clue with every report of it, its hand-offs and its evidence; who reported is opened
 * only for those who may know.
 */
export async function getClue(ctx: Ctx, id: string, keys: ReporterKeys): Promise<ClueDetail> {
  requireRole(ctx, CLUE_READERS);
  const [clue] = await ctx.db
    .select()
    .from(clues)
    .where(and(eq(clues.id, id), clueScope(ctx)));
  if (!clue) throw notFound('线索');
  const reveal = maySeeReporter(ctx, clue);
  const reports = await ctx.db
    .select()
    .from(clueReports)
    .where(eq(clueReports.clueId, id))
    .orderBy(asc(clueReports.createdAt));
  return {
    ...toClue(clue),
    reports: reports.map((r) => ({
      at: r.createdAt.toISOString(),
      channel: r.channel,
      description: r.description,
      ...(reveal
        ? {
            reporter:
              r.reporterSealed && r.reporterKeyId
                ? openReporter(r.reporterSealed, r.reporterKeyId, clue.conferenceId, keys)
                : null,
          }
        : {}),
    })),
    handoffs: await handoffsOfClue(ctx, id, clue.serial),
    attachments: await attachmentsOfClue(ctx, id),
  };
}
