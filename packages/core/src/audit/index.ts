export * from './append.js';
export * from './list.js';
export * from './verify.js';
