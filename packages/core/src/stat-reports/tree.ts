import { type Figures, type SummaryConference, sumFigures } from '@lianxi/domain';
import { type Ctx, requireRole } from '../context.js';
import { TREE_READERS } from '../conferences/access.js';
import { conferencesBelow, ownConference } from '../conferences/read.js';

/** A conference whose figures a summary or a briefing over the tree counts. */
export interface FigureConference {
  id: string;
  parentId: string | null;
  depth: number;
  name: string;
  jurisdiction: { code: string; name: string };
}

/**
 * The caller's conference (depth 0) and every conference below it, each right after its
 * parent. Only readers of the tree may ask; the walk starts at the caller's conference, so
 * a district gets itself and what is below it, never its parent or its siblings.
 */
export async function figureTree(ctx: Ctx): Promise<FigureConference[]> {
  requireRole(ctx, TREE_READERS);
  const own = await ownConference(ctx);
  const below = await conferencesBelow(ctx.db, ctx.conferenceId);
  return [
    {
      id: own.id,
      parentId: null,
      depth: 0,
      name: own.name,
      jurisdiction: { code: own.jurisdiction.code, name: own.jurisdiction.name },
    },
    ...below.map((c) => ({
      id: c.id,
      parentId: c.parentId,
      depth: c.depth,
      name: c.name,
      jurisdiction: { code: c.jurisdiction.code, name: c.jurisdiction.name },
    })),
  ];
}

/**
 * Each conference's own figures, and with everything below it: a report is added to its own
 * conference and to each conference above it once, never through a sibling.
 */
export function rollUpFigures(
  tree: FigureConference[],
  rows: { conferenceId: string; figures: Figures }[],
): SummaryConference[] {
  const mine = new Map(tree.map((c) => [c.id, [] as { figures: Figures }[]]));
  for (const r of rows) mine.get(r.conferenceId)?.push(r);
  const byId = new Map(tree.map((c) => [c.id, c]));
  const within = new Map(tree.map((c) => [c.id, [] as Figures[]]));
  for (const c of tree) {
    const own = mine.get(c.id)!.map((r) => r.figures);
    for (let at: FigureConference | undefined = c; at; at = byId.get(at.parentId ?? '')) {
      within.get(at.id)!.push(...own);
    }
  }
  return tree.map((c) => ({
    conferenceId: c.id,
    parentId: c.parentId,
    depth: c.depth,
    name: c.name,
    jurisdiction: c.jurisdiction,
    reports: mine.get(c.id)!.length,
    figures: sumFigures(mine.get(c.id)!.map((r) => r.figures)),
    treeFigures: sumFigures(within.get(c.id)!),
  }));
}
