import {
  calendarDays,
  calendarYears,
  conferences,
  type Db,
  DEMO_PASSWORD,
  DEMO_STAFF,
  duties,
  jurisdictions,
  routingRules,
  SEED_CONFERENCE,
  SEED_JURISDICTIONS,
  SEED_ROUTING_RULES,
  SEED_UNITS,
  units,
  users,
} from '@lianxi/db';
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../accounts/password-hash.js';
import { appendAudit } from '../audit/append.js';
import type { Clock } from '../clock.js';
import { silentLog, systemActor } from '../context.js';
import { withTransaction } from '../transaction.js';
import { BUNDLED_CALENDAR_YEARS, officialExceptions } from './official-calendar.js';

const SEED_LOCK = 7_412_003;

export interface SeedResult {
  seeded: boolean;
  conferenceId: string;
}

/**
 * Seeds the demo conference of DESIGN §9 when the database holds none. Safe to run from
 * several processes at once: the lock makes the second one find the first one's work.
 */
export async function seedDemo(db: Db, clock: Clock): Promise<SeedResult> {
  const passwordHashes = await Promise.all(
    [...DEMO_STAFF, ...SEED_UNITS].map(() => hashPassword(DEMO_PASSWORD)),
  );
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    await seedCalendar(tx);
    const [existing] = await tx.select({ id: conferences.id }).from(conferences).limit(1);
    if (existing) {
      await seedRoutingRules(tx, existing.id, clock.now());
      return { seeded: false, conferenceId: existing.id };
    }

    const now = clock.now();
    const [city] = await tx.insert(jurisdictions).values(SEED_JURISDICTIONS.city).returning();
    const [district] = await tx
      .insert(jurisdictions)
      .values({ ...SEED_JURISDICTIONS.district, parentId: city.id })
      .returning();
    const [conference] = await tx
      .insert(conferences)
      .values({ ...SEED_CONFERENCE, jurisdictionId: district.id, createdAt: now })
      .returning();

    const unitIds = new Map<string, string>();
    for (const [i, seed] of SEED_UNITS.entries()) {
      const [unit] = await tx
        .insert(units)
        .values({
          conferenceId: conference.id,
          code: seed.code,
          name: seed.name,
          shortName: seed.shortName,
          role: seed.role,
          hostsOffice: seed.hostsOffice ?? false,
          jurisdictionId: district.id,
          sort: i + 1,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: units.id });
      unitIds.set(seed.code, unit.id);
      await tx
        .insert(duties)
        .values(seed.duties.map((d, sort) => ({ unitId: unit.id, ...d, sort, createdAt: now })));
    }

    const accounts = [
      ...DEMO_STAFF.map((s) => ({ ...s, unitId: null as string | null })),
      ...SEED_UNITS.map((u) => ({
        username: `unit-${u.code}`,
        displayName: `${u.shortName}联络员`,
        role: 'unit' as const,
        unitId: unitIds.get(u.code) ?? null,
      })),
    ];
    await tx.insert(users).values(
      accounts.map((a, i) => ({
        ...a,
        conferenceId: conference.id,
        passwordHash: passwordHashes[i],
        mustChangePassword: true,
        createdAt: now,
      })),
    );

    await seedRoutingRules(tx, conference.id, now);
    const ctx = {
      db: tx,
      clock,
      log: silentLog,
      actor: systemActor,
      conferenceId: conference.id,
    };
    await withTransaction({ ...ctx, inTransaction: true }, (t) =>
      appendAudit(t, {
        action: 'conference.seeded',
        subjectType: 'conference',
        subjectId: conference.id,
        payload: { name: conference.name, units: SEED_UNITS.length, users: accounts.length },
      }),
    );
    return { seeded: true, conferenceId: conference.id };
  });
}

/** The official schedules bundled with `chinese-days`; years already held are kept as they are. */
export async function seedCalendar(db: Db): Promise<void> {
  const held = await db.select({ year: calendarYears.year }).from(calendarYears);
  const have = new Set(held.map((h) => h.year));
  for (let year = BUNDLED_CALENDAR_YEARS.from; year <= BUNDLED_CALENDAR_YEARS.to; year++) {
    if (have.has(year)) continue;
    await db.insert(calendarYears).values({ year, source: 'chinese-days' });
    const days = officialExceptions(year);
    if (days.length) await db.insert(calendarDays).values(days.map((d) => ({ ...d, year })));
  }
}

/** The default routing, for a conference that has no rules yet (also one seeded before rules). */
export async function seedRoutingRules(db: Db, conferenceId: string, now: Date): Promise<void> {
  const [any] = await db
    .select({ id: routingRules.id })
    .from(routingRules)
    .where(eq(routingRules.conferenceId, conferenceId))
    .limit(1);
  if (any) return;
  const byCode = new Map(
    (
      await db
        .select({ id: units.id, code: units.code })
        .from(units)
        .where(eq(units.conferenceId, conferenceId))
    ).map((u) => [u.code, u.id]),
  );
  const rows = SEED_ROUTING_RULES.flatMap((r, i) => {
    const targetUnitId = byCode.get(r.unitCode);
    return targetUnitId
      ? [
          {
            conferenceId,
            position: (i + 1) * 10,
            name: r.name,
            conditions: r.conditions,
            targetUnitId,
            kind: r.kind,
            createdAt: now,
            updatedAt: now,
          },
        ]
      : [];
  });
  if (rows.length) await db.insert(routingRules).values(rows);
}
