export * from './client.js';
export { ensureDatabase, MIGRATIONS_FOLDER, runMigrations } from './migrate.js';
export * from './schema/index.js';
export * from './seed/conference-data.js';
export { unnestRows } from './unnest.js';
export { listenFor, type Listener } from './listen.js';
