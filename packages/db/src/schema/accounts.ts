import { Role } from '@lianxi/domain';
import {
  bigserial,
  boolean,
  index,
  inet,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { conferences, units } from './conference.js';
import { enumValues } from './enum-values.js';
import { conferenceRef } from './columns.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

export const userRole = pgEnum('user_role', enumValues(Role));

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceRef(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: userRole('role').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    /** A work contact number, mobile or landline, as the administrator wrote it. */
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: at('password_changed_at').notNull().defaultNow(),
    /** Demo and admin-set passwords must be replaced by the user before production use. */
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    disabledAt: at('disabled_at'),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username), index().on(t.conferenceId, t.role)],
);

export const passwordHistory = pgTable(
  'password_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    passwordHash: text('password_hash').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index().on(t.userId, t.createdAt)],
);

/** One login: the family every rotated refresh token belongs to. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
    revokedReason: text('revoked_reason'),
    ip: inet('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index().on(t.userId), index().on(t.expiresAt)],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** sha256 of the token: a stolen table yields no usable token. */
    tokenHash: text('token_hash').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    spentAt: at('spent_at'),
  },
  (t) => [uniqueIndex('refresh_tokens_hash_key').on(t.tokenHash), index().on(t.familyId)],
);

export const loginLog = pgTable(
  'login_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    userId: uuid('user_id').references(() => users.id),
    conferenceId: uuid('conference_id').references(() => conferences.id),
    at: at('at').notNull().defaultNow(),
    ip: inet('ip'),
    userAgent: text('user_agent'),
    success: boolean('success').notNull(),
    reason: text('reason'),
  },
  (t) => [index().on(t.username, t.at), index().on(t.conferenceId, t.id)],
);
