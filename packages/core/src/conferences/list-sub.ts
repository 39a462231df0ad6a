import type { SubConferenceTree } from '@lianxi/domain';
import { type Ctx, requireRole } from '../context.js';
import { TREE_READERS } from './access.js';
import { conferencesBelow, ownConference } from './read.js';

/** 下级联席会议: the caller's conference, and every conference below it in tree order. */
export async function listSubConferences(ctx: Ctx): Promise<SubConferenceTree> {
  requireRole(ctx, TREE_READERS);
  const own = await ownConference(ctx);
  return {
    root: {
      id: own.id,
      name: own.name,
      jurisdiction: {
        code: own.jurisdiction.code,
        name: own.jurisdiction.name,
        level: own.jurisdiction.level,
      },
    },
    items: await conferencesBelow(ctx.db, ctx.conferenceId),
  };
}
