export * from './figures.js';
export * from './reports.js';
export * from './briefings.js';
export * from './briefing-list.js';
export * from './rates.js';
export * from './trends.js';
