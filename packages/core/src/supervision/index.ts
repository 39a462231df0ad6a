export * from './board.js';
export * from './cases.js';
export * from './open-cases.js';
