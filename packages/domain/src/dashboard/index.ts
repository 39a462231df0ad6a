export * from './rates.js';
export * from './trends.js';
