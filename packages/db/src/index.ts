export * from './client.js';
export { ensureDatabase, MIGRATIONS_FOLDER, runMigrations } from './migrate.js';
export * from './schema/index.js';
export * from './seed/conference-data.js';
export { fixedInsert, unnestPlaceholders, unnestRows, unnestValues } from './unnest.js';
export { columnsOf, rowsOf } from './rows.js';
export { type FixedStatement, fixedStatement, runFixed } from './statement.js';
export { listenFor, type Listener } from './listen.js';
