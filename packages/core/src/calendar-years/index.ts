export * from './get-calendar-year.js';
export * from './import-calendar-year.js';
