export * from './board.js';
export * from './cases.js';
