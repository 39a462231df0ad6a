import {
  conferences,
  duties,
  jurisdictions,
  SEED_UNITS,
  type SeedUnit,
  units,
  users,
} from '@lianxi/db';
import {
  AppError,
  childLevel,
  type CreatedSubConference,
  type CreateSubConferenceInput,
  JURISDICTION_LEVEL_LABELS,
  type Role,
} from '@lianxi/domain';
import { appendAudit, appendAuditMany } from '../audit/append.js';
import { hashPassword } from '../accounts/password-hash.js';
import { type Ctx, requireRole } from '../context.js';
import { seedRoutingRules } from '../seed/seed-demo.js';
import { withTransaction } from '../transaction.js';
import { TREE_BUILDERS } from './access.js';
import { firstPassword } from './first-password.js';
import { conferencesBelow, ownConference } from './read.js';

type RosterUnit = Omit<SeedUnit, 'shortName' | 'hostsOffice'> & {
  shortName?: string;
  hostsOffice: boolean;
};

/**
 * An administrator opens the conference directly below their own: its jurisdiction, the
 * conference, the unit hosting its office (or the 16 units of the seeded template), the
 * default routing, and its first administrator and office accounts, each with a one-time
 * password to be changed at first login. The policy and the workday calendar are those every
 * new conference starts with (DESIGN §5 defaults, the national calendar), as the seeded one.
 * All of it commits together or not at all; the parent's chain records the opening and the
 * new conference's chain starts with it.
 */
export async function createSubConference(
  ctx: Ctx,
  input: CreateSubConferenceInput,
): Promise<CreatedSubConference> {
  requireRole(ctx, TREE_BUILDERS);
  const parent = await ownConference(ctx);
  const level = childLevel(parent.jurisdiction.level);
  if (!level) {
    throw new AppError(
      'rule_violation',
      `${JURISDICTION_LEVEL_LABELS[parent.jurisdiction.level]}联席会议之下不再设立联席会议`,
    );
  }
  if (input.level && input.level !== level) {
    throw new AppError(
      'rule_violation',
      `${JURISDICTION_LEVEL_LABELS[parent.jurisdiction.level]}之下只能设立${JURISDICTION_LEVEL_LABELS[level]}联席会议`,
      { errors: [{ field: 'body.level', message: `须为 ${level}` }] },
    );
  }

  const accounts: { username: string; displayName: string; role: Role; password: string }[] = [
    {
      username: input.admin.username,
      displayName: input.admin.displayName ?? `${input.jurisdiction.name}系统管理员`,
      role: 'admin',
      password: firstPassword(input.admin.username),
    },
    {
      username: input.office.username,
      displayName: input.office.displayName ?? `${input.jurisdiction.name}打传办值班员`,
      role: 'office',
      password: firstPassword(input.office.username),
    },
  ];
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));

  return withTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const [jurisdiction] = await tx.db
      .insert(jurisdictions)
      .values({
        parentId: parent.jurisdiction.id,
        code: input.jurisdiction.code,
        name: input.jurisdiction.name,
        level,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: jurisdictions.id });
    if (!jurisdiction) {
      throw new AppError('conflict', `行政区划代码 ${input.jurisdiction.code} 已存在`);
    }
    const [conference] = await tx.db
      .insert(conferences)
      .values({
        parentId: ctx.conferenceId,
        jurisdictionId: jurisdiction.id,
        name: input.name,
        serialPrefix: input.serialPrefix,
        timeZone: parent.timeZone,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: conferences.id });
    if (!conference) throw new AppError('conflict', `联席会议 ${input.name} 已存在`);

    const roster: RosterUnit[] = input.template
      ? SEED_UNITS.map((u) => ({ ...u, hostsOffice: u.hostsOffice ?? false }))
      : [{ ...input.officeUnit!, role: 'office', hostsOffice: true, duties: [] }];
    const created = await tx.db
      .insert(units)
      .values(
        roster.map((u, i) => ({
          conferenceId: conference.id,
          code: u.code,
          name: u.name,
          shortName: u.shortName ?? null,
          role: u.role,
          hostsOffice: u.hostsOffice,
          jurisdictionId: jurisdiction.id,
          sort: i + 1,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: units.id, code: units.code, hostsOffice: units.hostsOffice });
    const idOf = new Map(created.map((u) => [u.code, u.id]));
    const dutyRows = roster.flatMap((u) =>
      u.duties.map((d, sort) => ({ unitId: idOf.get(u.code)!, ...d, sort, createdAt: now })),
    );
    if (dutyRows.length) await tx.db.insert(duties).values(dutyRows);
    await seedRoutingRules(tx.db, conference.id, now);

    const opened = await tx.db
      .insert(users)
      .values(
        accounts.map((a, i) => ({
          conferenceId: conference.id,
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          passwordHash: hashes[i],
          mustChangePassword: true,
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: users.id, username: users.username });
    if (opened.length < accounts.length) {
      const taken = accounts.filter((a) => !opened.some((o) => o.username === a.username));
      throw new AppError('conflict', `用户名 ${taken.map((a) => a.username).join('、')} 已被使用`);
    }
    const issued = accounts.map((a) => ({
      id: opened.find((o) => o.username === a.username)!.id,
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      password: a.password,
    }));
    const officeUnitId = created.find((u) => u.hostsOffice)!.id;

    const summary = {
      name: input.name,
      jurisdiction: { code: input.jurisdiction.code, name: input.jurisdiction.name, level },
      template: input.template,
      units: created.length,
      accounts: issued.map((a) => ({ username: a.username, role: a.role })),
    };
    await appendAudit(tx, {
      action: 'conference.child_created',
      subjectType: 'conference',
      subjectId: conference.id,
      payload: summary,
    });
    // the new conference's own chain starts with its opening, by the parent's administrator
    await appendAuditMany({ ...tx, conferenceId: conference.id }, [
      {
        action: 'conference.created',
        subjectType: 'conference',
        subjectId: conference.id,
        payload: { ...summary, parentId: ctx.conferenceId, parentName: parent.name },
      },
      ...issued.map((a) => ({
        action: 'user.created',
        subjectType: 'user',
        subjectId: a.id,
        payload: { username: a.username, role: a.role, unitId: null, phone: null },
      })),
    ]);

    const [view] = await conferencesBelow(tx.db, ctx.conferenceId, conference.id);
    return { conference: view, officeUnitId, accounts: issued };
  });
}
