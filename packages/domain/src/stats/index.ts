export * from './figures.js';
export * from './reports.js';
export * from './briefings.js';
