export * from './actors.js';
export * from './append.js';
export * from './filter.js';
export * from './list.js';
export * from './verify.js';
