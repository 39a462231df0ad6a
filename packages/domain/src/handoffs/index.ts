export * from './schemas.js';
export * from './clock.js';
export * from './actions.js';
