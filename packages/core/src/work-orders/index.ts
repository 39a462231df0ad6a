export * from './issue.js';
export * from './read.js';
export * from './preview.js';
