export * from './workday-calendar.js';
export * from './zoned.js';
export * from './words.js';
