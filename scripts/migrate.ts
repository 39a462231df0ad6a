import { loadConfig } from '@lianxi/core';
import { ensureDatabase, runMigrations } from '@lianxi/db';

/** Creates the database if needed and applies every migration under drizzle/. */
const config = loadConfig();
await ensureDatabase(config.databaseUrl);
await runMigrations(config.databaseUrl);
console.log('数据库迁移完成 / migrations applied');
