export * from './briefings.js';
export * from './list-query.js';
