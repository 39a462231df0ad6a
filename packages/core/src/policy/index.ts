export * from './load.js';
export * from './update.js';
