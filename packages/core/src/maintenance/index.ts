export * from './purge-ended-sessions.js';
export * from './purge-published-outbox.js';
