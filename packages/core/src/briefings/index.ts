export * from './compose.js';
export * from './edit.js';
export * from './list.js';
export * from './read.js';
export * from './render.js';
