export * from './board.js';
export * from './add-opinion.js';
export * from './close-case.js';
export * from './get-case.js';
export * from './list-cases.js';
export * from './open-cases.js';
