export * from './load.js';
export * from './year.js';
