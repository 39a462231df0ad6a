export * from './logs.js';
export * from './tables.js';
