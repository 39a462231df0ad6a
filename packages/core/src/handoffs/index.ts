export * from './answer.js';
export * from './boxes.js';
export { handoffClocks, upcomingHandoffClocks } from './clock.js';
export * from './contest.js';
export * from './hand-over-items.js';
export * from './read.js';
export * from './receive.js';
export * from './send.js';
export * from './overdue.js';
