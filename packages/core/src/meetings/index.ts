export * from './add-resolution.js';
export * from './create.js';
export * from './issue-for-resolution.js';
export * from './list.js';
export * from './read.js';
export * from './update.js';
