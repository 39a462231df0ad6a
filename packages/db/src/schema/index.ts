export * from './accounts.js';
export * from './audit.js';
export * from './calendar.js';
export * from './clues.js';
export * from './conference.js';
export * from './supervision.js';
export * from './tasks.js';
