import { type ClueDetail, type ClueListQuery, notFound } from '@lianxi/domain';
import { clueReports, clues } from '@lianxi/db';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { olderThan, timePage } from '../common/keyset.js';
import type { ReporterKeys } from '../config.js';
import { attachmentsOfClue } from '../attachments/read.js';
import { type Ctx, requireRole } from '../context.js';
import { handoffsOfClue } from '../handoffs/read.js';
import { openReporter } from './reporter-seal.js';
import { clueScope, maySeeReporter, toClue } from './view.js';

const CLUE_READERS = ['office', 'admin', 'supervisor', 'leader', 'unit'] as const;

export async function listClues(ctx: Ctx, query: ClueListQuery) {
  requireRole(ctx, CLUE_READERS);
  const where: SQL[] = [clueScope(ctx)];
  if (query.status) where.push(eq(clues.status, query.status));
  if (query.cursor) where.push(olderThan(query.cursor, clues.createdAt, clues.id));
  const rows = await ctx.db
    .select()
    .from(clues)
    .where(and(...where))
    .orderBy(desc(clues.createdAt), desc(clues.id))
    .limit(query.limit + 1);
  return timePage(rows, query.limit, toClue, (c) => [c.createdAt, c.id]);
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
