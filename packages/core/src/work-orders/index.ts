export * from './issue.js';
export * from './read.js';
