export * from './schemas.js';
export * from './subject-key.js';
export * from './routing.js';
export * from './handoffs.js';
