import { z } from 'zod';

/** The levels of 行政区划, from the top; the database's `jurisdiction_level` holds the same. */
export const JurisdictionLevel = z.enum(['province', 'city', 'district', 'township', 'community']);
export type JurisdictionLevel = z.infer<typeof JurisdictionLevel>;

export const JURISDICTION_LEVEL_LABELS: Record<JurisdictionLevel, string> = {
  province: '省级',
  city: '市级',
  district: '县区级',
  township: '乡镇街道级',
  community: '村社区级',
};

/**
 * What may stand below what in the tree of joint meetings: province → city → district or
 * county → township (where a township runs one). A township's meeting has none below it, and
 * communities take part as grassroots units, not as meetings of their own.
 */
const BELOW: Record<JurisdictionLevel, JurisdictionLevel | null> = {
  province: 'city',
  city: 'district',
  district: 'township',
  township: null,
  community: null,
};

/** The level of a conference directly below one at `parent`, or null when none may be. */
export const childLevel = (parent: JurisdictionLevel): JurisdictionLevel | null => BELOW[parent];

/** Whether a conference of level `child` may stand directly below one of level `parent`. */
export const mayStandBelow = (parent: JurisdictionLevel, child: JurisdictionLevel): boolean =>
  BELOW[parent] === child;
