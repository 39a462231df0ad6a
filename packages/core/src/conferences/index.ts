export * from './access.js';
export * from './create-sub.js';
export * from './list-sub.js';
