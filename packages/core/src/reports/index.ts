export * from './file.js';
export * from './import.js';
export * from './list.js';
export * from './read.js';
export * from './review.js';
export * from './summary.js';
